/**
 * Formation keeping of cluster shells and plane keeping of sun-synchronous shells in the node budget and the shell
 * record.
 *
 * Method
 * - Δv per year: `clusterKeeping` (clusterFormation.ts, differential J2 per models/relativeMotion.ts), the
 *   largest member's figure, since every node of a shell is one design.
 * - Plane keeping: the one-time inclination trim of planeKeeping.ts, spread evenly over the life (the propellant
 *   depends on the total Δv only).
 * - Mass roll-up: the Δv joins the node's drag make-up in `drag.formationKeepingDeltaV_m_s_per_yr`, so the
 *   drag model's rocket equation on the dry mass (models/drag.ts, I_sp of the node's electric propulsion,
 *   default 1,500 s) returns one station-keeping propellant, which models/mass.ts adds to the launch mass
 *   (launch = dry + tank + propellant).
 * - The record's share of it: with v_e = I_sp·g₀ and total Δv_T, propellant = m_dry·(e^{Δv_T/v_e} − 1), so
 *   the formation part is m_dry·(e^{Δv_T/v_e} − e^{(Δv_T − Δv_f·L)/v_e}), L the lifetime.
 */
import { DEFAULT_EP_ISP_s } from '../../models/drag/drag.js';
import type { DesignRecord } from '../../node/record/record.js';
import type { NodeDesign } from '../../node/design/schema.js';
import { JULIAN_YEAR_s, STANDARD_GRAVITY_m_s2 } from '../../base/constants.js';
import { clusterKeeping, shellFormation } from './clusterFormation.js';
import { INJECTION_INCLINATION_DISPERSION_rad, planeKeeping } from './planeKeeping.js';
import { deg_to_rad, rad_to_deg } from '../../base/convert.js';
import type { ClusterShellRecord, PlaneKeepingRecord } from '../record/entrySchemas.js';
import type { ShellGeometrySpec } from '../design/types.js';

/**
 * The node design with the shell's keeping Δv added to its station keeping: a cluster's formation keeping, a
 * sun-synchronous shell's plane trim per year of life (unchanged otherwise).
 */
export function withFormationKeeping(design: NodeDesign, g: Readonly<ShellGeometrySpec>): NodeDesign {
  const life = design.mission.lifetime_yr;
  const dv =
    g.pattern === 'cluster'
      ? clusterKeeping(g).deltaV_m_s_per_yr
      : life > 0
        ? (planeKeeping(g, life)?.deltaV_m_s ?? 0) / life
        : 0;
  if (dv === 0) return design;
  return {
    ...design,
    drag: { ...design.drag, formationKeepingDeltaV_m_s_per_yr: design.drag.formationKeepingDeltaV_m_s_per_yr + dv },
  };
}

/** The cluster part of a shell record; `design` is the node as evaluated (with its keeping Δv). */
export function clusterShellRecord(
  g: Readonly<ShellGeometrySpec>,
  design: NodeDesign,
  node: DesignRecord,
): ClusterShellRecord {
  const f = shellFormation(g);
  const keep = clusterKeeping(g, f);
  const ve = DEFAULT_EP_ISP_s * STANDARD_GRAVITY_m_s2;
  const dry = node.mass.dry_kg,
    propellant = node.drag.propellantMass_kg;
  const formation_m_s = keep.deltaV_m_s_per_yr * design.mission.lifetime_yr;
  const total = dry > 0 ? ve * Math.log1p(propellant / dry) : 0;
  const keepingPropellant_kg = dry > 0 ? dry * (Math.exp(total / ve) - Math.exp((total - formation_m_s) / ve)) : 0;
  return {
    formation: f.kind,
    radius_m: g.clusterRadius_m,
    neighbourDistance_m: { ...f.neighbourDistance_m },
    closestApproach_m: f.closestApproach_m,
    keepingDeltaV_m_s_per_yr: keep.deltaV_m_s_per_yr,
    keepingPropellant_kg,
  };
}

/** The plane-keeping part of a shell record (user units), null outside sun-synchronous shells of several planes. */
export function planeKeepingRecord(g: Readonly<ShellGeometrySpec>, design: NodeDesign): PlaneKeepingRecord | null {
  const life = design.mission.lifetime_yr;
  const k = life > 0 ? planeKeeping(g, life) : null;
  if (k === null) return null;
  return {
    planeSpacing_deg: rad_to_deg(k.planeSpacing_rad),
    nodalDriftPerHundredthDegree_deg_per_yr: rad_to_deg(k.driftPerInclination_per_s * deg_to_rad(0.01) * JULIAN_YEAR_s),
    injectionDispersion_deg: rad_to_deg(INJECTION_INCLINATION_DISPERSION_rad),
    tolerance_deg: rad_to_deg(k.tolerance_rad),
    trim_deg: rad_to_deg(k.trim_rad),
    deltaV_m_s: k.deltaV_m_s,
  };
}

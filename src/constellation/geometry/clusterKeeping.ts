/**
 * Formation keeping of cluster shells in the node budget and the shell record.
 *
 * Method
 * - Δv per year: `clusterKeeping` (clusterFormation.ts, differential J2 per models/relativeMotion.ts), the
 *   largest member's figure, since every node of a shell is one design.
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
import { STANDARD_GRAVITY_m_s2 } from '../../base/constants.js';
import { clusterKeeping, shellFormation } from './clusterFormation.js';
import type { ClusterShellRecord } from '../record/entrySchemas.js';
import type { ShellGeometrySpec } from '../design/types.js';

/** The node design with the shell's formation-keeping Δv added to its station keeping (unchanged outside clusters). */
export function withFormationKeeping(design: NodeDesign, g: Readonly<ShellGeometrySpec>): NodeDesign {
  if (g.pattern !== 'cluster') return design;
  const dv = clusterKeeping(g).deltaV_m_s_per_yr;
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

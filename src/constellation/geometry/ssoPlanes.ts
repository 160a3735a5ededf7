/**
 * Which plane of a sun-synchronous shell its node is sized for: the plane that sees the most shadow.
 *
 * Every plane's LTAN (pattern.ts `planeLtan_h`) goes through the node's own orbit model (src/models/orbit/orbit.ts
 * `orbitGeometry`: mean-Sun node, annual β(t) on a 73-instant grid, cylindrical shadow); the shell's single node
 * design is sized at the plane with the largest annual mean shadow fraction (ties: the longest single eclipse), so
 * no plane sees more shadow than its node was sized for. Also reported: the least-shadowed plane and the longest
 * single eclipse of any plane, with its LTAN: the node's battery and worst-orbit array sizing carry that eclipse
 * (src/constellation/design/load.ts sets orbit.worstEclipseLtan_h when it is not the sizing plane's).
 * Validity: that of orbitGeometry (300–2,000 km, circular).
 * Derivation, evidence and costs: docs/constellations.md §"Sizing plane of a sun-synchronous shell".
 */
import { orbitGeometry } from '../../models/orbit/orbit.js';
import { planeLtan_h, type LtanLayout } from './pattern.js';

export interface SsoPlanesParams {
  /** Circular orbit altitude [m]. */
  readonly altitude_m: number;
  /** The shell's LTAN layout (pattern, planes, centre LTAN, band). */
  readonly layout: Readonly<LtanLayout>;
}

export interface SsoPlanesResult {
  /** Plane the node is sized for (largest annual mean shadow fraction) and its LTAN [h]. */
  readonly sizingPlane: number;
  readonly sizingLtan_h: number;
  /** Annual mean shadow fraction of the sizing (worst) plane [-]. */
  readonly eclipseFractionWorst: number;
  /** Annual mean shadow fraction of the least-shadowed plane [-], and its LTAN [h]. */
  readonly eclipseFractionBest: number;
  readonly bestLtan_h: number;
  /** Longest single eclipse of any plane over the year [s], its LTAN [h], and whether the sizing plane has it. */
  readonly longestEclipse_s: number;
  readonly longestEclipseLtan_h: number;
  readonly sizingPlaneHasLongestEclipse: boolean;
  /**
   * Local-time span the planes are spread over [h]: the sso-ltan band, 24 (Walker delta, cluster), 12 (star), 0 (one
   * plane).
   */
  readonly ltanSpread_h: number;
  /** Distinct LTANs evaluated through the orbit model [-]. */
  readonly ltansEvaluated: number;
}

/** The LTAN span a layout's planes are spread over [h]. */
export function ltanSpread_h(layout: Readonly<LtanLayout>): number {
  if (layout.planes === 1) return 0;
  if (layout.pattern === 'sso-ltan') return layout.ltanBand_h;
  return layout.pattern === 'walker-star' ? 12 : 24;
}

/** The sizing plane and the eclipse spread of a sun-synchronous shell. */
export function ssoPlanes(p: Readonly<SsoPlanesParams>): SsoPlanesResult {
  const seen = new Map<number, { mean: number; max_s: number }>();
  let worst = { plane: 0, ltan: 0, mean: -1, max_s: -1 };
  let best = { ltan: 0, mean: Infinity };
  let longest = { s: 0, ltan: 0 };
  for (let plane = 0; plane < p.layout.planes; plane++) {
    const ltan = planeLtan_h(p.layout, plane);
    let e = seen.get(ltan);
    if (e === undefined) {
      const g = orbitGeometry({ altitude_m: p.altitude_m, inclination: { kind: 'sso', ltan_h: ltan } });
      e = { mean: g.eclipseFractionMean, max_s: g.maxEclipse_s };
      seen.set(ltan, e);
    }
    if (e.mean > worst.mean || (e.mean === worst.mean && e.max_s > worst.max_s))
      worst = { plane, ltan, mean: e.mean, max_s: e.max_s };
    if (e.mean < best.mean) best = { ltan, mean: e.mean };
    if (e.max_s > longest.s) longest = { s: e.max_s, ltan };
  }
  return {
    sizingPlane: worst.plane,
    sizingLtan_h: worst.ltan,
    eclipseFractionWorst: worst.mean,
    eclipseFractionBest: best.mean,
    bestLtan_h: best.ltan,
    longestEclipse_s: longest.s,
    longestEclipseLtan_h: longest.ltan,
    sizingPlaneHasLongestEclipse: worst.max_s >= longest.s,
    ltanSpread_h: ltanSpread_h(p.layout),
    ltansEvaluated: seen.size,
  };
}

/**
 * The sizing plane of a sun-synchronous shell (src/constellation/geometry/ssoPlanes.ts). Each plane's eclipse
 * comes from the node's orbit model (src/models/orbit/orbit.ts, tested on its own); what is checked here is the rule of
 * the header applied to those figures: plane LTANs from the layout, the most-shadowed plane sized (ties: the
 * longest eclipse, then the first plane), the least-shadowed reported, the longest eclipse of any plane.
 */
import { describe, expect, it } from 'vitest';
import { ltanSpread_h, ssoPlanes } from '../../../src/constellation/geometry/ssoPlanes.js';
import type { LtanLayout } from '../../../src/constellation/geometry/pattern.js';
import { orbitGeometry } from '../../../src/models/orbit/orbit.js';
import { expectFields } from '../../helpers/expectFields.js';

const ALTITUDE_m = 550e3;
const eclipse = (ltan_h: number): { mean: number; max_s: number } => {
  const g = orbitGeometry({ altitude_m: ALTITUDE_m, inclination: { kind: 'sso', ltan_h } });
  return { mean: g.eclipseFractionMean, max_s: g.maxEclipse_s };
};
const layout = (o: Partial<LtanLayout>): LtanLayout => ({
  pattern: 'walker-delta',
  planes: 4,
  ltan_h: 6,
  ltanBand_h: 0,
  ...o,
});

describe('ssoPlanes: which plane the node is sized for', () => {
  it('SSO Walker delta, 4 planes from 06:00: LTANs 6, 12, 18, 0 h; sized at a noon–midnight plane', () => {
    const r = ssoPlanes({ altitude_m: ALTITUDE_m, layout: layout({}) });
    const e = [6, 12, 18, 0].map(eclipse);
    // Noon–midnight planes see the most shadow (β ≈ 0 all year), dawn–dusk the least (β near 90°).
    expect(e[1]!.mean).toBeGreaterThan(0.3);
    expect(e[0]!.mean).toBeLessThan(0.1);
    const worst = e.reduce((k, x, j) => (x.mean > e[k]!.mean ? j : k), 0);
    const best = e.reduce((k, x, j) => (x.mean < e[k]!.mean ? j : k), 0);
    expect([1, 3]).toContain(worst);
    expect([0, 2]).toContain(best);
    expectFields(r, {
      sizingPlane: worst,
      sizingLtan_h: [6, 12, 18, 0][worst]!,
      eclipseFractionWorst: e[worst]!.mean,
      eclipseFractionBest: e[best]!.mean,
      bestLtan_h: [6, 12, 18, 0][best]!,
      longestEclipse_s: Math.max(...e.map((x) => x.max_s)),
      sizingPlaneHasLongestEclipse: true,
      ltanSpread_h: 24,
      ltansEvaluated: 4,
    });
  });

  it('a plane with less mean shadow but a longer single eclipse: sized by the mean, and the flag says so', () => {
    // sso-ltan band of 0.5 h centred on 12:07:30, two planes at 12:00 and 12:15. At 550 km the 12:00 plane has
    // the larger annual mean shadow, the 12:15 plane the longer single eclipse (orbit model figures below).
    const noon = eclipse(12),
      later = eclipse(12.25);
    expect(noon.mean).toBeGreaterThan(later.mean);
    expect(later.max_s).toBeGreaterThan(noon.max_s);
    const r = ssoPlanes({
      altitude_m: ALTITUDE_m,
      layout: layout({ pattern: 'sso-ltan', planes: 2, ltan_h: 12.125, ltanBand_h: 0.5 }),
    });
    expectFields(r, {
      sizingPlane: 0,
      sizingLtan_h: 12,
      eclipseFractionWorst: noon.mean,
      eclipseFractionBest: later.mean,
      bestLtan_h: 12.25,
      longestEclipse_s: later.max_s,
      longestEclipseLtan_h: 12.25,
      sizingPlaneHasLongestEclipse: false,
      ltanSpread_h: 0.5,
      ltansEvaluated: 2,
    });
  });

  it('planes sharing one LTAN (a band of 0 h): evaluated once, the first plane sized, the flag true', () => {
    const e = eclipse(10.5);
    const r = ssoPlanes({ altitude_m: ALTITUDE_m, layout: layout({ pattern: 'sso-ltan', planes: 3, ltan_h: 10.5 }) });
    expectFields(r, {
      ltansEvaluated: 1,
      sizingPlane: 0,
      sizingLtan_h: 10.5,
      eclipseFractionWorst: e.mean,
      eclipseFractionBest: e.mean,
      bestLtan_h: 10.5,
      longestEclipse_s: e.max_s,
      sizingPlaneHasLongestEclipse: true,
    });
  });

  it('SSO Walker star of 2 planes from 06:00: LTANs 6 and 12 h (12 h/P apart); the noon plane is sized', () => {
    const dawn = eclipse(6),
      noon = eclipse(12);
    const r = ssoPlanes({ altitude_m: ALTITUDE_m, layout: layout({ pattern: 'walker-star', planes: 2 }) });
    expectFields(r, {
      sizingPlane: 1,
      sizingLtan_h: 12,
      eclipseFractionWorst: noon.mean,
      eclipseFractionBest: dawn.mean,
      bestLtan_h: 6,
      ltanSpread_h: 12,
    });
  });
});

describe('ltanSpread_h', () => {
  it('one plane 0; sso-ltan its band; Walker star 12 h; Walker delta and cluster 24 h', () => {
    expect(ltanSpread_h(layout({ planes: 1, pattern: 'sso-ltan', ltanBand_h: 3 }))).toBe(0);
    expect(ltanSpread_h(layout({ planes: 1 }))).toBe(0);
    expect(ltanSpread_h(layout({ pattern: 'sso-ltan', ltanBand_h: 3 }))).toBe(3);
    expect(ltanSpread_h(layout({ pattern: 'walker-star' }))).toBe(12);
    expect(ltanSpread_h(layout({ pattern: 'walker-delta' }))).toBe(24);
    expect(ltanSpread_h(layout({ pattern: 'cluster' }))).toBe(24);
  });
});

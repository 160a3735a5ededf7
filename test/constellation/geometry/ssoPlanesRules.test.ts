/**
 * The selection rule of src/constellation/geometry/ssoPlanes.ts on made-up eclipse figures: the orbit model is
 * replaced by a table keyed by LTAN, so ties that the real model never produces can be set up exactly. Rule (file
 * header): the node is sized at the plane with the largest annual mean shadow fraction, ties broken by the longest
 * single eclipse, then the first plane; the least-shadowed plane is the first with the smallest mean; planes
 * that share an LTAN are evaluated once.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectFields } from '../../helpers/expectFields.js';

const table = new Map<number, { eclipseFractionMean: number; maxEclipse_s: number }>();
const calls: number[] = [];
vi.mock('../../../src/models/orbit/orbit.js', () => ({
  orbitGeometry: (p: { inclination: { ltan_h: number } }) => {
    calls.push(p.inclination.ltan_h);
    const g = table.get(p.inclination.ltan_h);
    if (g === undefined) throw new Error(`no figures for LTAN ${p.inclination.ltan_h}`);
    return g;
  },
}));
// The suite shares one module graph per fork (vitest.config.ts: isolate false), so ssoPlanes may already be loaded
// with the real orbit model: load it afresh, against the mock.
vi.resetModules();
const { ssoPlanes } = await import('../../../src/constellation/geometry/ssoPlanes.js');
// …and leave the real model to the files that run after this one in the same fork.
afterAll(() => {
  vi.doUnmock('../../../src/models/orbit/orbit.js');
  vi.resetModules();
});

beforeEach(() => {
  table.clear();
  calls.length = 0;
});

/** Sets the made-up orbit figures, LTAN [h] → [annual mean shadow fraction, longest single eclipse s]. */
function setFigures(byLtan: Readonly<Record<number, readonly [number, number]>>): void {
  for (const [ltan_h, [eclipseFractionMean, maxEclipse_s]] of Object.entries(byLtan))
    table.set(Number(ltan_h), { eclipseFractionMean, maxEclipse_s });
}

// Walker delta, 4 planes from 06:00: LTANs 6, 12, 18, 0 h (24 h / 4 apart, pattern.ts planeLtan_h).
const delta4 = { pattern: 'walker-delta', planes: 4, ltan_h: 6, ltanBand_h: 0 } as const;

describe('ssoPlanes: ties', () => {
  it.each<[string, Record<number, [number, number]>, Partial<ReturnType<typeof ssoPlanes>>]>([
    [
      'equal mean shadow: the plane with the longer single eclipse is sized, and the flag is true',
      { 6: [0.1, 900], 12: [0.35, 2000], 18: [0.1, 900], 0: [0.35, 2100] },
      { sizingPlane: 3, sizingLtan_h: 0, longestEclipse_s: 2100, sizingPlaneHasLongestEclipse: true },
    ],
    [
      'equal mean and equal eclipse: the first such plane is sized, the first least-shadowed one reported',
      { 6: [0.1, 900], 12: [0.35, 2000], 18: [0.1, 1200], 0: [0.35, 2000] },
      // 18 h has the same mean as 6 h: the first plane's LTAN is kept
      { sizingPlane: 1, sizingLtan_h: 12, eclipseFractionBest: 0.1, bestLtan_h: 6 },
    ],
  ])('%s', (_name, figures, want) => {
    setFigures(figures);
    expectFields(ssoPlanes({ altitude_m: 550e3, layout: delta4 }), want);
  });
});

describe('ssoPlanes: one orbit-model call per distinct LTAN', () => {
  it('sso-ltan band of 0 h, 5 planes: one call, one LTAN evaluated', () => {
    setFigures({ 10.5: [0.2, 1500] });
    const r = ssoPlanes({
      altitude_m: 550e3,
      layout: { pattern: 'sso-ltan', planes: 5, ltan_h: 10.5, ltanBand_h: 0 },
    });
    expect(calls).toEqual([10.5]);
    expect(r.ltansEvaluated).toBe(1);
    expect(r.sizingPlane).toBe(0);
  });

  it('Walker star, 4 planes from 09:00: LTANs 9, 12, 15, 18 h (12 h / 4 apart), each evaluated once', () => {
    setFigures({ 9: [0.2, 1200], 12: [0.36, 1360], 15: [0.2, 1200], 18: [0.05, 1050] });
    const r = ssoPlanes({ altitude_m: 550e3, layout: { pattern: 'walker-star', planes: 4, ltan_h: 9, ltanBand_h: 0 } });
    expect(calls).toEqual([9, 12, 15, 18]);
    expect(r.sizingLtan_h).toBe(12);
    expect(r.bestLtan_h).toBe(18);
    expect(r.eclipseFractionWorst).toBe(0.36);
    expect(r.ltansEvaluated).toBe(4);
  });
});

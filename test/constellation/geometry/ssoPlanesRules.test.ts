/**
 * The selection rule of src/constellation/geometry/ssoPlanes.ts on made-up eclipse figures: the orbit model is
 * replaced by a table keyed by LTAN, so ties that the real model never produces can be set up exactly. Rule (file
 * header): the node is sized at the plane with the largest annual mean shadow fraction, ties broken by the longest
 * single eclipse, then the first plane; the least-shadowed plane is the first with the smallest mean; planes
 * that share an LTAN are evaluated once.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

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

// Walker delta, 4 planes from 06:00: LTANs 6, 12, 18, 0 h (24 h / 4 apart, pattern.ts planeLtan_h).
const delta4 = { pattern: 'walker-delta', planes: 4, ltan_h: 6, ltanBand_h: 0 } as const;

describe('ssoPlanes: ties', () => {
  it('equal mean shadow: the plane with the longer single eclipse is sized, and the flag is true', () => {
    table.set(6, { eclipseFractionMean: 0.1, maxEclipse_s: 900 });
    table.set(12, { eclipseFractionMean: 0.35, maxEclipse_s: 2000 });
    table.set(18, { eclipseFractionMean: 0.1, maxEclipse_s: 900 });
    table.set(0, { eclipseFractionMean: 0.35, maxEclipse_s: 2100 });
    const r = ssoPlanes({ altitude_m: 550e3, layout: delta4 });
    expect(r.sizingPlane).toBe(3);
    expect(r.sizingLtan_h).toBe(0);
    expect(r.longestEclipse_s).toBe(2100);
    expect(r.sizingPlaneHasLongestEclipse).toBe(true);
  });

  it('equal mean and equal eclipse: the first such plane is sized, the first least-shadowed one reported', () => {
    table.set(6, { eclipseFractionMean: 0.1, maxEclipse_s: 900 });
    table.set(12, { eclipseFractionMean: 0.35, maxEclipse_s: 2000 });
    table.set(18, { eclipseFractionMean: 0.1, maxEclipse_s: 1200 });
    table.set(0, { eclipseFractionMean: 0.35, maxEclipse_s: 2000 });
    const r = ssoPlanes({ altitude_m: 550e3, layout: delta4 });
    expect(r.sizingPlane).toBe(1);
    expect(r.sizingLtan_h).toBe(12);
    expect(r.eclipseFractionBest).toBe(0.1);
    expect(r.bestLtan_h).toBe(6); // 18 h has the same mean: the first plane's LTAN is kept
  });
});

describe('ssoPlanes: one orbit-model call per distinct LTAN', () => {
  it('sso-ltan band of 0 h, 5 planes: one call, one LTAN evaluated', () => {
    table.set(10.5, { eclipseFractionMean: 0.2, maxEclipse_s: 1500 });
    const r = ssoPlanes({
      altitude_m: 550e3,
      layout: { pattern: 'sso-ltan', planes: 5, ltan_h: 10.5, ltanBand_h: 0 },
    });
    expect(calls).toEqual([10.5]);
    expect(r.ltansEvaluated).toBe(1);
    expect(r.sizingPlane).toBe(0);
  });

  it('Walker star, 4 planes from 09:00: LTANs 9, 12, 15, 18 h (12 h / 4 apart), each evaluated once', () => {
    for (const [l, m] of [
      [9, 0.2],
      [12, 0.36],
      [15, 0.2],
      [18, 0.05],
    ] as const)
      table.set(l, { eclipseFractionMean: m, maxEclipse_s: 1000 + 1000 * m });
    const r = ssoPlanes({ altitude_m: 550e3, layout: { pattern: 'walker-star', planes: 4, ltan_h: 9, ltanBand_h: 0 } });
    expect(calls).toEqual([9, 12, 15, 18]);
    expect(r.sizingLtan_h).toBe(12);
    expect(r.bestLtan_h).toBe(18);
    expect(r.eclipseFractionWorst).toBe(0.36);
    expect(r.ltansEvaluated).toBe(4);
  });
});

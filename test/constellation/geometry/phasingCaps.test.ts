/**
 * Edges of the Walker phasing scan (src/constellation/geometry/phasing.ts) that the brute-force comparison of
 * phasing.test.ts does not reach: the evaluation cap of Walker delta and cluster shells, which take the (0, b)
 * plane pairs only (P − 1 pairs × P values of F), and a shell of one plane, whose only distance is in-plane.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PHASING_EVALUATIONS, phasingScan } from '../../../src/constellation/geometry/phasing.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { EARTH_RADIUS_m } from '../../../src/base/constants.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';
const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shellSpec({ name: 't', inclination_rad: 53 * deg, planes: 5, satsPerPlane: 1, phasing: 0, ...o });

describe('phasingScan: evaluation cap of Walker delta and cluster shells, (P − 1)·P', () => {
  it(`3,162 planes fit ${MAX_PHASING_EVALUATIONS}, 3,163 do not`, () => {
    // 3161·3162 = 9,995,082 ≤ 1e7 < 3162·3163 = 10,001,406
    expect(phasingScan({ shell: shell({ planes: 3163 }), epochIso: EPOCH })).toBeNull();
    expect(phasingScan({ shell: shell({ planes: 3162 }), epochIso: EPOCH })?.separation_m).toHaveLength(3162);
  });

  it('272 planes: a delta and a cluster shell are scanned (a star shell of 272 planes is not: P²(P − 1)/2)', () => {
    // all plane pairs would be 272·271/2·272 = 10,024,832 > 1e7; the (0, b) pairs are 271·272 = 73,712
    expect(phasingScan({ shell: shell({ planes: 272 }), epochIso: EPOCH })?.separation_m).toHaveLength(272);
    const cluster = shell({ planes: 272, satsPerPlane: 7, pattern: 'cluster', clusterRadius_m: 1000 });
    expect(phasingScan({ shell: cluster, epochIso: EPOCH })?.separation_m).toHaveLength(272);
    expect(phasingScan({ shell: shell({ planes: 272, pattern: 'walker-star' }), epochIso: EPOCH })).toBeNull();
  });
});

describe('phasingScan: one plane', () => {
  it('two satellites half an orbit apart: the closest approach is the orbit diameter 2(R⊕ + h)', () => {
    const r = phasingScan({ shell: shell({ planes: 1, satsPerPlane: 2 }), epochIso: EPOCH });
    expect(r?.separation_m).toHaveLength(1);
    expect(r!.bestSeparation_m / (2 * (EARTH_RADIUS_m + 550e3)) - 1).toBeCloseTo(0, 12);
  });

  it('three satellites: the chord of 120°, 2r·sin(60°) = √3·r', () => {
    const r = phasingScan({ shell: shell({ planes: 1, satsPerPlane: 3 }), epochIso: EPOCH });
    expect(r!.bestSeparation_m / (Math.sqrt(3) * (EARTH_RADIUS_m + 550e3)) - 1).toBeCloseTo(0, 12);
  });
});

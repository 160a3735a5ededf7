/**
 * The constellation metric paths and their accessor (src/constellation/record/metrics.ts). Fast: no constellation is
 * evaluated, so a scoped mutation run can use this file alone.
 */
import { describe, expect, it } from 'vitest';
import {
  constellationMetricPaths,
  isConstellationMetric,
  pathGetter,
  unknownConstellationMetricHint,
} from '../../../src/constellation/record/metrics.js';

describe('constellation metric paths', () => {
  it('every number of the record outside its lists, without schemaVersion', () => {
    const paths = constellationMetricPaths();
    for (const p of [
      'totals.lcoc_USD_per_PFLOP_day',
      'network.p99Latency_ms',
      'isl.linkRange_km.max',
      'environment.minSeparation_km',
      'environment.conjunctions.pairsBelow',
      'environment.conjunctions.required_km',
    ]) {
      expect(paths).toContain(p);
      expect(isConstellationMetric(p)).toBe(true);
    }
    // a nullable number (null when the worst instant carries nothing) is a metric too: null reads as NaN
    expect(paths).toContain('network.bottleneckUtilization');
    expect(paths).not.toContain('schemaVersion');
    expect(isConstellationMetric('schemaVersion')).toBe(false);
    expect(isConstellationMetric('network')).toBe(false);
  });

  it('an unknown path gets the nearest metric, or the naming rule when none is near', () => {
    expect(unknownConstellationMetricHint('network.p99Latency_m')).toBe('did you mean network.p99Latency_ms?');
    expect(unknownConstellationMetricHint('zzzz')).toBe(
      "constellation metrics are named like totals.cost_USD or network.p99Latency_ms (run 'odc metrics --kind constellation' to list them)",
    );
  });

  it('pathGetter reads a number at any depth; anything else is NaN', () => {
    const record = { a: { b: { c: 3, s: 'x', n: null } }, top: 7 };
    expect(pathGetter('a.b.c')(record)).toBe(3);
    expect(pathGetter('top')(record)).toBe(7);
    for (const p of ['a.b.s', 'a.b.n', 'a.b.n.deeper', 'a.b', 'a.x.c', 'top.more'])
      expect(pathGetter(p)(record)).toBeNaN();
    expect(pathGetter('a')(null)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { algorithmSchema } from '../../../src/node/design/studySettings.js';

/** The first issue of parsing `algorithm` as a study's algorithm section: its path and message. */
function issue(algorithm: Record<string, unknown>): { path: string; message: string } | undefined {
  const r = algorithmSchema().safeParse(algorithm);
  if (r.success) return undefined;
  const first = r.error.issues[0]!;
  return { path: first.path.join('.'), message: first.message };
}

describe('algorithm settings, checked against the registry', () => {
  it('accepts each algorithm with the settings it reads', () => {
    expect(issue({ name: 'nsga2', population: 40 })).toBeUndefined();
    expect(issue({ name: 'nsga3', population: 92, partitions: 12 })).toBeUndefined();
    expect(issue({ name: 'parego', evaluations: 200, batch: 2 })).toBeUndefined();
    expect(issue({ name: 'smsego', evaluations: 200, batch: 2, trustRegion: true })).toBeUndefined();
  });

  it('defaults to nsga2, the documented default', () => {
    expect(algorithmSchema().parse({}).name).toBe('nsga2');
  });

  it('refuses an unknown name, listing the four algorithms', () => {
    const bad = issue({ name: 'nsga4' });
    expect(bad?.path).toBe('name');
    for (const name of ['nsga2', 'nsga3', 'parego', 'smsego']) expect(bad?.message).toContain(name);
  });

  it('refuses a setting the named algorithm does not read, naming the ones that do', () => {
    expect(issue({ name: 'nsga2', partitions: 12 })).toEqual({
      path: 'partitions',
      message: 'algorithm.partitions is a setting of nsga3 only: remove it, or set name: nsga3',
    });
    expect(issue({ name: 'nsga3', batch: 4 })).toEqual({
      path: 'batch',
      message: 'algorithm.batch is a setting of parego and smsego only: remove it, or set name: parego',
    });
    expect(issue({ name: 'parego', evaluations: 100, trustRegion: 'auto' })?.path).toBe('trustRegion');
  });

  it('refuses a surrogate without an evaluation budget', () => {
    for (const name of ['parego', 'smsego']) {
      expect(issue({ name })).toEqual({
        path: 'evaluations',
        message: 'parego and smsego need a budget: set evaluations (e.g. 200; it sizes their start and stops the run)',
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazy } from '../../src/base/lazy.js';
import { readYaml } from '../../src/base/yaml.js';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import type { AlgorithmEntry, BaseAlgorithmOptions, SettingOptions } from '../../src/optimize/algorithm.js';
import {
  algorithmOptions,
  algorithmSchema,
  algorithmSchemaOf,
  checkAlgorithmFits,
} from '../../src/study/algorithmSettings.js';
import { ALGORITHMS, type AlgorithmOptions } from '../../solvers/index.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

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

/**
 * A fixture algorithm with a setting of its own, declared here and nowhere else: its folder's file would hold the same
 * lines. The study schema built over the registry and it accepts and checks the setting, and what the run passes to
 * the factory carries it.
 */
const sharpenSettings = lazy(() => ({
  sharpness: z
    .number()
    .min(0, 'must be from 0 to 1')
    .max(1, 'must be from 0 to 1')
    .exactOptional()
    .describe('Fixture.'),
}));
type SharpenOptions = BaseAlgorithmOptions & SettingOptions<ReturnType<typeof sharpenSettings>>;
const received: SharpenOptions[] = [];
const sharpen = {
  name: 'sharpen',
  summary: 'sharpen, a test fixture',
  surrogate: false,
  settings: sharpenSettings,
  create: (problem, options) => {
    received.push(options);
    return ALGORITHMS[0].create(problem, { population: 8, ...options }, undefined);
  },
} as const satisfies AlgorithmEntry<SharpenOptions>;
const withSharpen = [...ALGORITHMS, sharpen] as const;

/** The first issue of parsing `algorithm` with the fixture registered. */
function fixtureIssue(algorithm: Record<string, unknown>): { path: string; message: string } | undefined {
  const r = algorithmSchemaOf(withSharpen).safeParse(algorithm);
  return r.success ? undefined : { path: r.error.issues[0]!.path.join('.'), message: r.error.issues[0]!.message };
}

describe('a new setting, declared only in its algorithm entry', () => {
  it('the study schema names the algorithm and accepts its setting', () => {
    const schema = algorithmSchemaOf(withSharpen);
    expect(schema.parse({ name: 'sharpen', sharpness: 0.25 })).toMatchObject({ name: 'sharpen', sharpness: 0.25 });
    expect(schema.shape.name.description).toContain('sharpen, a test fixture');
  });

  it("checks the setting's value with the algorithm's own constraints", () => {
    expect(fixtureIssue({ name: 'sharpen', sharpness: 2 })).toEqual({
      path: 'sharpness',
      message: 'must be from 0 to 1',
    });
  });

  it('refuses it for the algorithms that do not declare it, and theirs for it', () => {
    expect(fixtureIssue({ name: 'nsga2', sharpness: 0.5 })).toEqual({
      path: 'sharpness',
      message: 'algorithm.sharpness is a setting of sharpen only: remove it, or set name: sharpen',
    });
    expect(fixtureIssue({ name: 'sharpen', partitions: 12 })?.path).toBe('partitions');
  });

  it('the run passes it to the factory, with the options every algorithm takes and none of the run’s own', () => {
    const settings = algorithmSchemaOf(withSharpen).parse({
      name: 'sharpen',
      sharpness: 0.25,
      generations: 3,
      seeds: 2,
      checkpointEvery: 1,
      initial: { from: 'earlier-run' },
      stagnation: {},
      archiveLimit: 500,
    });
    received.length = 0;
    // as the driver does: the factory picked by name, given the options algorithmOptions derives
    const entry = withSharpen.find((a) => a.name === settings.name)!;
    (entry.create as (p: unknown, o: AlgorithmOptions) => unknown)(
      createBenchmarkProblem({ problem: 'zdt1' }),
      algorithmOptions(settings),
    );
    expect(received).toEqual([{ population: 100, seed: 1, sharpness: 0.25, archiveLimit: 500 }]);
  });
});

describe('what an algorithm needs of the problem, checked when a study loads', () => {
  const dir = tempDir();
  const src = (algorithm: string) => readYaml(writeFile(dir, 'study.yaml', `algorithm: ${algorithm}\n`)).src;

  it('nsga3 needs two objectives, and names the algorithm to use', () => {
    const e = studyErrorOf(() =>
      checkAlgorithmFits(algorithmSchema().parse({ name: 'nsga3' }), 1, src('{ name: nsga3 }')),
    );
    expect(e.code).toBe('BAD_ALGORITHM');
    expect(e.field).toBe('algorithm.name');
    expect(e.message).toMatch(/study\.yaml:1:\d+: nsga3 needs at least two objectives; use nsga2$/);
    expect(() =>
      checkAlgorithmFits(algorithmSchema().parse({ name: 'nsga3' }), 2, src('{ name: nsga3 }')),
    ).not.toThrow();
  });

  it("nsga3's lattice must fit: C(12 + 5 - 1, 5 - 1) = 1,820 directions pass, C(100 + 5 - 1, 4) = 4,598,126 do not", () => {
    const check = (partitions: number) =>
      checkAlgorithmFits(
        algorithmSchema().parse({ name: 'nsga3', partitions }),
        5,
        src(`{ name: nsga3, partitions: ${partitions} }`),
      );
    expect(() => check(12)).not.toThrow();
    const e = studyErrorOf(() => check(100));
    expect(e.field).toBe('algorithm.partitions');
    expect(e.message).toContain('algorithm.partitions: nsga3 partitions 100 with 5 objectives means 4,598,126');
  });
});

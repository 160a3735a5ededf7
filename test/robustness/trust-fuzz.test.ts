/**
 * Property-based fuzz of the trust boundaries, seeded and bounded, at a size `npm test` affords (ODC_TEST_SCALE=full,
 * as `npm run test:scale` sets, runs each family ~10 times longer):
 * - rogue worker results against a real redis-server: any malformed result shape is refused (the coordinator stops
 *   with a message naming the worker, or discards and retries, then stops), never a front with exit 0, never a wait
 *   past a deadline;
 * - damaged run folders: random byte flips, truncations and NUL insertions in checkpoint.json, checkpoint.prev.json,
 *   the evaluation log and run.json: `odc run --resume` exits 2 with one line naming the damaged file, or completes
 *   with the same files as the uninterrupted run (the oracle, byte for byte);
 * - output targets of random kinds: exit 2 with one line for the ones no run folder can be, exit 0 for the others;
 * - oversize inputs: YAML nested deep, flow and block lists, huge counts: exit 2 with one line, or a valid study.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { runStudy } from '../../src/index.js';
import { checkJobResult } from '../../src/run/evaluators/jobCheck.js';
import { MAX_BAD_RESULTS } from '../../src/run/evaluators/redisEvaluator.js';
import { odc } from '../helpers/cli.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { atScale } from '../helpers/scale.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

const dir = tempDir('odc-trust-fuzz-');
const ci = process.env.CI === 'true';
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');
/** One message, no stack trace: one line, or (the schema's several findings) a line and "  also:" lines. */
const oneLine = (err: string): void => {
  const [, ...more] = err.trim().split('\n');
  for (const l of more) expect(l, err).toMatch(/^\s+also: /);
  expect(err).not.toMatch(/\n\s+at /);
};

/** `p`, or a failure once `ms` have passed: a hang is a failed property, not a stuck test run. */
async function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no end after ${ms / 1000} s (a hang)`)), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A test that checks `check(value, n)` on `numRuns` values of `arbitrary` drawn from `seed` (n counts the calls from 1,
 * for their folder names), with the long timeout of properties that run whole studies.
 */
function itHolds<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  run: { seed: number; numRuns: number },
  check: (value: T, n: number) => Promise<void>,
): void {
  it(name, { timeout: 600_000 }, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, (value) => check(value, ++n)),
      run,
    );
  });
}

// ---- rogue worker results -----------------------------------------------------------------------------

type Result = Record<string, unknown>;
/** What an honest worker answers for `count` designs of a 2-objective, unconstrained study. */
const honest = (count: number): Result => ({
  ok: Array<number>(count).fill(1),
  f: Array.from({ length: 2 * count }, (_, i) => i / 7),
  g: [],
  reasons: Array<null>(count).fill(null),
  worker: 'rogue',
  elapsed_ms: 3,
});
const junk = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    null,
    {},
    [],
    '1',
    'Infinity',
    true,
    undefined,
    [1],
    { x: 1 },
    [[1, 2]],
    -0.5,
    2,
  ),
  fc.string({ maxLength: 8 }),
  fc.anything({ maxDepth: 2 }),
);
/** A change that makes an honest result malformed: every one breaks a rule of checkJobResult. */
const breakResult: fc.Arbitrary<(r: Result) => unknown> = fc.oneof(
  // a whole result replaced: not an object
  fc.constantFrom<unknown>(null, undefined, 'ok', 42, [], [1, 2]).map((v) => () => v),
  // a field dropped
  fc
    .constantFrom('ok', 'f', 'g', 'reasons', 'worker', 'elapsed_ms')
    .map((k) => (r: Result) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== k))),
  // an array one longer or shorter, or huge
  fc.tuple(fc.constantFrom('ok', 'f', 'reasons'), fc.constantFrom(-1, 1, 200_000)).map(([k, d]) => (r: Result) => {
    const a = r[k] as unknown[];
    return { ...r, [k]: d < 0 ? a.slice(0, a.length - 1) : [...a, ...Array<number>(d).fill(0)] };
  }),
  // one objective of an ok design replaced by anything that is not a finite number
  fc
    .tuple(
      fc.nat(),
      junk.filter((v) => typeof v !== 'number' || !Number.isFinite(v)),
    )
    .map(([i, v]) => (r: Result) => {
      const f = [...(r['f'] as unknown[])];
      f[i % f.length] = v;
      return { ...r, f };
    }),
  // a status other than 0 or 1, or a failed design without a reason
  fc
    .tuple(
      fc.nat(),
      junk.filter((v) => v !== 0 && v !== 1),
    )
    .map(([i, v]) => (r: Result) => {
      const ok = [...(r['ok'] as unknown[])];
      ok[i % ok.length] = v;
      return { ...r, ok };
    }),
  // a field of the wrong type
  fc
    .tuple(
      fc.constantFrom('ok', 'f', 'g', 'reasons', 'worker', 'elapsed_ms'),
      fc.constantFrom<unknown>('x', {}, null, Number.NaN, -1, 12),
    )
    .map(
      ([k, v]) =>
        (r: Result) =>
          (k === 'elapsed_ms' && v === 12) || (k === 'worker' && v === 'x') ? { ...r, [k]: [] } : { ...r, [k]: v },
    ),
);

describe('rogue worker results', () => {
  it('checkJobResult refuses every malformed result, with a reason (many shapes, no Redis)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), breakResult, (count, brk) => {
        const r = checkJobResult(brk(honest(count)), count, 2, 0);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { seed: 37, numRuns: atScale(200, 5000) },
    );
  });

  it('checkJobResult never throws on arbitrary values, and accepts only exact shapes', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
        fc.integer({ min: 1, max: 4 }),
        (v, count) => {
          const r = checkJobResult(v, count, 2, 0);
          if (r.ok) {
            expect(r.value.ok).toHaveLength(count);
            expect(r.value.f).toHaveLength(2 * count);
          }
        },
      ),
      { seed: 38, numRuns: atScale(400, 5000) },
    );
  });

  describe.skipIf(!redisAvailable && !ci)(
    'against a real redis-server: the run stops with a message, never a front, never a hang',
    () => {
      let redis: RedisServer;
      const study = benchmarkStudy(dir, 'rogue.yaml', {
        name: 'rogue',
        variables: 3,
        algorithm: { name: 'nsga2', population: 8, generations: 2, seed: 3 },
      });
      beforeAll(async () => {
        expect(redisAvailable, 'redis-server is missing; .ci/run installs it (apt-get install -y redis-server)').toBe(
          true,
        );
        redis = await startRedis();
      });
      afterAll(async () => {
        await redis?.stop();
      });

      itHolds('random malformed results', breakResult, { seed: 39, numRuns: atScale(4, 40) }, async (brk, n) => {
        const { Worker } = await import('bullmq');
        const { Redis } = await import('ioredis');
        const queue = `fuzz-${n}`;
        const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
        let answers = 0;
        const w = new Worker(
          `odc-${queue}`,
          async (job) => {
            answers++;
            return brk(honest((job.data as { count: number }).count));
          },
          { connection, name: 'rogue' },
        );
        await w.waitUntilReady();
        const out = join(dir, queue);
        try {
          const run = runStudy({
            studyPath: study,
            outDir: out,
            redis: { url: redis.url, queue, reconnectTimeout_s: 10 },
          });
          const err = await within(
            90_000,
            run.then(
              () => null,
              (e: unknown) => e,
            ),
            queue,
          );
          expect(err).toBeInstanceOf(StudyError);
          expect((err as Error).message).toMatch(
            new RegExp(`returned a malformed result for job \\S+ ${MAX_BAD_RESULTS} times`),
          );
          expect((err as Error).message).toContain('odc run --resume');
          expect(answers).toBeGreaterThanOrEqual(MAX_BAD_RESULTS);
          expect(existsSync(join(out, 'pareto.json'))).toBe(false);
          expect(existsSync(join(out, 'evaluations.parquet'))).toBe(false);
        } finally {
          await w.close();
          connection.disconnect();
        }
      });
    },
  );
});

// ---- damaged run folders ------------------------------------------------------------------------------

describe('damaged run folders', () => {
  // 8 generations, a checkpoint every 2: a run stopped after 5 holds checkpoints of generations 4 and 2.
  const study = benchmarkStudy(dir, 'damage.yaml', {
    name: 'damage',
    variables: 4,
    algorithm: { name: 'nsga2', population: 8, generations: 8, seed: 21, checkpointEvery: 2 },
  });
  let reference: string;
  let template: string;
  beforeAll(async () => {
    reference = (await runStudy({ studyPath: study, outDir: join(dir, 'damage-reference') })).runDir;
    template = (await runStudy({ studyPath: study, outDir: join(dir, 'damage-template'), stopAfterGenerations: 5 }))
      .runDir;
  });

  const files = ['checkpoint.json', 'checkpoint.prev.json', 'evaluations.parquet.partial', 'run.json'] as const;
  type Damage = {
    file: (typeof files)[number];
    kind: 'flip' | 'truncate' | 'nul';
    at: number;
    bits: number;
    count: number;
  };
  const damage: fc.Arbitrary<Damage> = fc.record({
    file: fc.constantFrom(...files),
    kind: fc.constantFrom('flip', 'truncate', 'nul'),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    bits: fc.integer({ min: 1, max: 255 }),
    count: fc.integer({ min: 1, max: 16 }),
  });
  const apply = (bytes: Buffer, d: Damage): Buffer => {
    const at = Math.floor(d.at * bytes.length);
    if (d.kind === 'truncate') return bytes.subarray(0, at);
    if (d.kind === 'nul') return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(d.count), bytes.subarray(at)]);
    const out = Buffer.from(bytes);
    out[at] = out[at]! ^ d.bits;
    return out;
  };

  it('run.json with its first byte flipped: one line (the JSON error quotes text across line breaks)', async () => {
    const runDir = join(dir, 'damaged-first-byte');
    cpSync(template, runDir, { recursive: true });
    const path = join(runDir, 'run.json');
    writeFileSync(path, apply(readFileSync(path), { file: 'run.json', kind: 'flip', at: 0, bits: 1, count: 1 }));
    const r = await odc('run', '--resume', runDir, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
    expect(r.err).toContain(`${path}: not valid JSON`);
  });

  itHolds(
    'odc run --resume: exit 2 and one line naming the damaged file, or the uninterrupted run byte for byte',
    damage,
    { seed: 40, numRuns: atScale(12, 150) },
    async (d, n) => {
      const runDir = join(dir, `damaged-${n}`);
      cpSync(template, runDir, { recursive: true });
      const path = join(runDir, d.file);
      writeFileSync(path, apply(readFileSync(path), d));
      const r = await within(120_000, odc('run', '--resume', runDir, '--quiet'), runDir);
      if (r.code === 2) {
        oneLine(r.err);
        expect(r.err).toContain(path);
        return;
      }
      expect(r.code, r.err).toBe(0);
      for (const f of ['evaluations.parquet', 'pareto.json', 'pareto.csv'])
        expect(read(runDir, f), `${f} after ${JSON.stringify(d)}`).toBe(read(reference, f));
    },
  );
});

// ---- output targets -----------------------------------------------------------------------------------

describe('output targets', () => {
  const study = benchmarkStudy(dir, 'out.yaml', {
    name: 'out',
    variables: 3,
    algorithm: { name: 'nsga2', population: 4, generations: 1, seed: 1 },
  });
  const base = join(dir, 'targets');
  mkdirSync(base);
  const aFile = writeFile(base, 'a-file', 'x');
  type Kind =
    'new' | 'empty-folder' | 'file' | 'under-file' | 'symlink-to-folder' | 'dangling' | 'fifo' | 'dev-null' | 'name';
  const kinds: Kind[] = [
    'new',
    'empty-folder',
    'file',
    'under-file',
    'symlink-to-folder',
    'dangling',
    'fifo',
    'dev-null',
    'name',
  ];
  let n = 0;
  /** The target of that kind (made on disk) and whether a run folder can be written there. */
  function target(kind: Kind, name: string): { path: string; writable: boolean } {
    const p = join(base, `t${++n}`);
    switch (kind) {
      case 'new':
        return { path: join(p, 'sub', 'run'), writable: true };
      case 'empty-folder':
        mkdirSync(p);
        return { path: p, writable: true };
      case 'file':
        writeFileSync(p, 'x');
        return { path: p, writable: false };
      case 'under-file':
        return { path: join(aFile, 'run'), writable: false };
      case 'symlink-to-folder':
        mkdirSync(`${p}-dir`);
        symlinkSync(`${p}-dir`, p);
        // a link to an empty folder is a folder the user chose to name that way: written through, as `mkdir -p` and
        // every other writer of odc's would (only a link at a file odc writes is refused)
        return { path: p, writable: true };
      case 'dangling':
        symlinkSync(join(p, 'missing'), p);
        return { path: p, writable: false };
      case 'fifo':
        execFileSync('mkfifo', [p]);
        return { path: p, writable: false };
      case 'dev-null':
        return { path: '/dev/null', writable: false };
      case 'name': {
        // a name of random characters: writable when it is one name of at most 255 bytes
        const clean = name.replace(/[/\0]/g, '_') || '_';
        return {
          path: join(base, `${n}-${clean}`),
          writable: Buffer.byteLength(`${n}-${clean}`) <= 255 && clean !== '.',
        };
      }
    }
  }

  it(
    'odc run --out: exit 2 with one line naming --out where no run folder can be, a complete run elsewhere',
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...kinds),
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
            fc.string({ minLength: 200, maxLength: 400 }),
          ),
          async (kind, name) => {
            const t = target(kind, name);
            const r = await within(120_000, odc('run', study, '--out', t.path, '--quiet'), t.path);
            if (t.writable) {
              expect(r.code, r.err).toBe(0);
              expect(existsSync(join(t.path, 'pareto.json'))).toBe(true);
            } else {
              expect(r.code, `${kind} ${t.path}: ${r.err}`).toBe(2);
              oneLine(r.err);
              expect(r.err).toContain('--out');
            }
          },
        ),
        { seed: 41, numRuns: atScale(12, 120) },
      );
    },
  );

  it('a NUL byte in --out: exit 2 with one line', async () => {
    const r = await odc('run', study, '--out', join(base, 'a\0b'), '--quiet');
    expect(r.code).toBe(2);
    oneLine(r.err);
  });
});

// ---- oversize inputs ----------------------------------------------------------------------------------

describe('oversize inputs', () => {
  const head = 'name: big\nkind: benchmark\nproblem: zdt1\n';
  type Input = { what: string; text: string };
  const input: fc.Arbitrary<Input> = fc.oneof(
    fc.integer({ min: 1, max: 300_000 }).map((d) => ({
      what: `flow lists nested ${d} deep`,
      text: `${head}variables: 3\nextra: ${'['.repeat(d)}${']'.repeat(d)}\n`,
    })),
    fc.integer({ min: 1, max: 100_000 }).map((d) => ({
      what: `flow maps nested ${d} deep`,
      text: `${head}variables: 3\nextra: ${'{a: '.repeat(d)}1${'}'.repeat(d)}\n`,
    })),
    fc.integer({ min: 1, max: 2_000 }).map((d) => ({
      what: `block maps nested ${d} deep`,
      text: `${head}variables: 3\n${Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
    })),
    fc
      .integer({ min: 1, max: 1_500_000 })
      .map((k) => ({ what: `a flow list of ${k} items`, text: `${head}variables: 3\nextra: [${'0,'.repeat(k)}0]\n` })),
    fc.integer({ min: 1, max: 300_000 }).map((k) => ({
      what: `a block list of ${k} items`,
      text: `${head}variables: 3\nextra:\n${'  - 0\n'.repeat(k)}`,
    })),
    fc
      .tuple(
        fc.constantFrom('variables', 'algorithm.population', 'algorithm.generations', 'algorithm.evaluations'),
        fc.constantFrom(1e7, 1e9, 2 ** 53, 1e300, -1, 0.5),
      )
      .map(([field, v]) => {
        const variables = field === 'variables' ? v : 3;
        const alg = {
          population: 8,
          generations: 1,
          seed: 1,
          ...(field.startsWith('algorithm.') ? { [field.slice(10)]: v } : {}),
        };
        return { what: `${field}: ${v}`, text: `${head}variables: ${variables}\nalgorithm: ${JSON.stringify(alg)}\n` };
      }),
  );

  itHolds(
    'odc run: exit 2 with one line naming the file, never a crash, a hang or an unbounded allocation',
    input,
    { seed: 42, numRuns: atScale(8, 160) },
    async (inp, n) => {
      const f = writeFile(dir, `big-${n}.yaml`, inp.text);
      const r = await within(120_000, odc('run', f, '--out', join(dir, `big-run-${n}`), '--quiet'), inp.what);
      // every input here is either refused (bad field, too many entries, too deep, too big) or a tiny study that
      // runs
      if (r.code === 0) return;
      expect(r.code, `${inp.what}: ${r.err.slice(0, 300)}`).toBe(2);
      oneLine(r.err);
      expect(r.err).toContain(f);
    },
  );
});

/**
 * ParEGO and warm starts through `odc run`: the same seed gives a byte-identical pareto.json with 1 or 2 worker
 * threads and after an interruption and resume; a warm start from an earlier run of the same problem inherits its
 * evaluations, one of another problem evaluates its front first, ends first; a warm start from a run of other
 * variables stops with exit 2 naming the file and the variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { interruptedAndResumed } from '../helpers/resume.js';
import type { RunTimings } from '../../src/run/schemas.js';

const study = (variables: number, extra = ''): string =>
  `name: parego-tiny\nkind: benchmark\nproblem: zdt1\nvariables: ${variables}\nalgorithm:\n  name: parego\n  seed: 3\n  evaluations: 20\n  batch: 3\n  checkpointEvery: 1\n${extra}`;

describe('odc run with parego', () => {
  it(
    'byte-identical pareto.json with --workers 1 and 2, and after a resume; the summary states the budget regime',
    { timeout: 600_000 },
    async () => {
      const dir = tempDir();
      const path = writeFile(dir, 'tiny.yaml', study(3));
      const one = await odc('run', path, '--log', 'csv', '--workers', '1', '--out', join(dir, 'w1'), '--quiet');
      expect(one.code).toBe(0);
      expect(one.out).toMatch(/budget: small \(≤ 300 evaluations\), 2 objectives: the surrogate regime/);
      // the start is min(11 · 3 − 1, ⌊20 / 3⌋) = 6 designs, so 14 of the 20 were proposed by the model
      const timings = (JSON.parse(readFileSync(join(dir, 'w1', 'run.json'), 'utf8')) as { timings: RunTimings })
        .timings;
      expect([timings.proposed, timings.evaluated]).toEqual([14, 20]);
      expect(timings.propose_s).toBeGreaterThan(0);
      expect(timings.propose_s! + timings.evaluate_s).toBeLessThanOrEqual(timings.wall_s);
      const perProposal = (1000 * timings.propose_s!) / 14;
      const shown = /cost: parego took ([\d.]+) ms per design it proposed/.exec(one.out);
      expect(Number(shown?.[1])).toBeCloseTo(perProposal, perProposal >= 10 ? -0.3 : 1);
      const report = readFileSync(join(dir, 'w1', 'report.md'), 'utf8');
      expect(report).toMatch(/proposal cost.*parego took [\d.]+ ms per design it proposed/);
      expect((await odc('run', path, '--log', 'csv', '--workers', '2', '--out', join(dir, 'w2'), '--quiet')).code).toBe(
        0,
      );
      const a = readFileSync(join(dir, 'w1', 'pareto.json'), 'utf8');
      expect(readFileSync(join(dir, 'w2', 'pareto.json'), 'utf8')).toBe(a);
      await interruptedAndResumed(path, join(dir, 'cut'), 3);
      expect(readFileSync(join(dir, 'cut', 'pareto.json'), 'utf8')).toBe(a);

      // warm start, same problem: the earlier run's 20 evaluations are inherited as the new log's first rows
      // (generation 0), and the budget of 20 is spent on new designs after them
      const front = JSON.parse(a) as { designs: { variables: Record<string, number> }[] };
      const warm = writeFile(dir, 'warm.yaml', study(3, '  initial:\n    from: w1\n'));
      const warmRun = await odc('run', warm, '--log', 'csv', '--out', join(dir, 'warm'), '--quiet');
      expect(warmRun.code).toBe(0);
      expect(warmRun.out).toMatch(/40 evaluations .*\n\s+of which 20 inherited from the warm-start run/);
      const log = (run: string): string[] =>
        readFileSync(join(dir, run, 'evaluations.csv'), 'utf8')
          .trim()
          .split('\n')
          .slice(1);
      const cells = (r: string): string => r.split(',').slice(2).join(',');
      expect(log('warm').slice(0, 20).map(cells)).toEqual(log('w1').map(cells));

      // another problem (ZDT2 on the same variables): the earlier front is evaluated first (as much of it as the
      // start of min(11 · 3 − 1, ⌊20 / 3⌋) = 6 designs holds), both ends of it first
      const zdt2 = writeFile(dir, 'zdt2.yaml', study(3, '  initial:\n    from: w1\n').replace('zdt1', 'zdt2'));
      expect((await odc('run', zdt2, '--log', 'csv', '--out', join(dir, 'zdt2'), '--quiet')).code).toBe(0);
      const x1 = log('zdt2')
        .slice(0, Math.min(6, front.designs.length))
        .map((r) => Number(r.split(',')[3]));
      const frontX1 = front.designs.map((d) => d.variables['x1']!);
      expect(x1.every((v) => frontX1.includes(v))).toBe(true);
      expect(front.designs.length).toBeGreaterThanOrEqual(2);
      // ZDT1's f1 is x1: the front's ends in f1 are its least and largest x1
      expect(new Set(x1.slice(0, 2))).toEqual(new Set([Math.min(...frontX1), Math.max(...frontX1)]));

      // an nsga2 study seeded from the parego run
      const ga = writeFile(
        dir,
        'ga.yaml',
        study(3, '  initial:\n    from: w1\n')
          .replace('  name: parego\n', '  name: nsga2\n  population: 8\n')
          .replace('  batch: 3\n', ''),
      );
      expect((await odc('run', ga, '--log', 'csv', '--out', join(dir, 'ga'), '--quiet')).code).toBe(0);

      // other variables: exit 2 naming pareto.json and the variable missing there
      const other = writeFile(dir, 'other.yaml', study(4, '  initial:\n    from: w1\n'));
      const bad = await odc('run', other, '--log', 'csv', '--out', join(dir, 'bad'), '--quiet');
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/pareto\.json: variables: no variable x4/);
      expect(bad.err).not.toMatch(/\n\s+at /);
      const missing = writeFile(dir, 'missing.yaml', study(3, '  initial:\n    from: nowhere\n'));
      const none = await odc('run', missing, '--log', 'csv', '--out', join(dir, 'none'), '--quiet');
      expect(none.code).toBe(2);
      expect(none.err).toMatch(/algorithm\.initial\.from: .*nowhere does not exist/);
      // checked before the run folder is made: a refused warm start leaves nothing behind to resume or clean up
      expect(existsSync(join(dir, 'bad'))).toBe(false);
      expect(existsSync(join(dir, 'none'))).toBe(false);
    },
  );
});

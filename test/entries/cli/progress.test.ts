/**
 * The finishing steps on the CLI's progress display (src/entries/cli/progress.ts): on a pipe one line per step and per
 * quarter of the hypervolume's sweep; on a terminal one status line rewritten in place, cut to the terminal's
 * width and cleared when the display stops; nothing with --quiet.
 */
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import {
  compareText,
  createProgress,
  createStatus,
  progressFields,
  progressWidth,
} from '../../../src/entries/cli/progress.js';
import { benchmarkStudy } from '../../helpers/benchmarkStudy.js';
import { tempDir } from '../../helpers/tmp.js';
import type { FinishingProgress, ProgressInfo } from '../../../src/run/driver.js';

function sink(isTTY: boolean, columns = 200): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns }) as unknown as NodeJS.WriteStream & PassThrough;
  let written = '';
  stream.on('data', (d: Buffer) => (written += d.toString()));
  return { stream, text: () => written };
}

const hv = (share: number): FinishingProgress => ({ step: 'hypervolume', count: 128_824, objectives: 5, share });
const steps: FinishingProgress[] = [
  { step: 'history', count: 384_000, objectives: 5 },
  hv(0),
  hv(0),
  hv(0.1),
  hv(0.26),
  hv(0.3),
  hv(0.5),
  hv(0.74),
  hv(0.76),
  hv(0.99),
  { step: 'results', count: 112_064, objectives: 5 },
  { step: 'report', count: 112_064, objectives: 5 },
];
const info: ProgressInfo = {
  generation: 60,
  maxGenerations: 60,
  evaluations: 384_000,
  maxEvaluations: null,
  feasibleShare: 1,
  failures: 0,
  frontSize: 128_824,
  hypervolume: 1.4,
  elapsed_s: 9,
  eta_s: 0,
};

describe('finishing steps on the progress display', () => {
  it('on a pipe: a line per step and per quarter of the sweep', () => {
    const { stream, text } = sink(false);
    const p = createProgress('lines', stream);
    for (const f of steps) p.finishing(f);
    p.stop();
    expect(text().split('\n')).toEqual([
      'finishing: history (replaying 384,000 evaluations)',
      'finishing: exact hypervolume of the final front (128,824 designs, 5 objectives)',
      'finishing: exact hypervolume of the final front (128,824 designs, 5 objectives) 25%',
      'finishing: exact hypervolume of the final front (128,824 designs, 5 objectives) 50%',
      'finishing: exact hypervolume of the final front (128,824 designs, 5 objectives) 75%',
      'finishing: result files (112,064 Pareto designs)',
      'finishing: report (112,064 Pareto designs)',
      '',
    ]);
  });

  it('on a terminal: the bar ends, one status line is rewritten in place (cut to the width) and cleared at the end', () => {
    const { stream, text } = sink(true, 60);
    const p = createProgress('bar', stream);
    p.update(info);
    const barEnd = text().length;
    for (const f of steps) p.finishing(f);
    p.stop();
    const after = text().slice(barEnd);
    // the bar's own stop ends its line before the first status
    expect(after.indexOf('\n')).toBeLessThan(after.indexOf('finishing'));
    const statuses = after
      .slice(after.indexOf('\r\x1B[2K'))
      .split('\r\x1B[2K')
      .filter((s) => s !== '');
    // every status fits one 60-column row; repeats (the two announcements at 0%) are not written again
    expect(statuses.every((s) => s.length <= 59 && s.startsWith('finishing: '))).toBe(true);
    expect(statuses[0]).toBe('finishing: history (replaying 384,000 evaluations)');
    const sweep = statuses.filter((s) => s.startsWith('finishing: exact hypervolume'));
    // the description is cut, the share kept: 59 columns, or 55 and " 10%"
    expect(sweep[0]).toBe('finishing: exact hypervolume of the final front (128,824 de');
    expect(sweep.slice(1)).toEqual(
      ['10%', '26%', '30%', '50%', '74%', '76%', '99%'].map(
        (p) => `finishing: exact hypervolume of the final front (128,82 ${p}`,
      ),
    );
    expect(statuses.at(-1)).toBe('finishing: report (112,064 Pareto designs)');
    // cleared last, with no newline after the status: the summary starts on a clean row
    expect(after.endsWith('finishing: report (112,064 Pareto designs)\r\x1B[2K')).toBe(true);
    expect(after.slice(after.indexOf('finishing')).includes('\n')).toBe(false);
  });

  it('with --quiet: nothing', () => {
    const { stream, text } = sink(false);
    const p = createProgress('quiet', stream);
    for (const f of steps) p.finishing(f);
    p.stop();
    expect(text()).toBe('');
  });
});

describe("odc compare's steps on a pipe", () => {
  it('a line per step, named with the run and its designs, and per quarter of a hypervolume', () => {
    const { stream, text } = sink(false);
    const status = createStatus('lines', stream);
    const run = 'A: s1';
    for (const share of [0, 0.3, 0.6, 1])
      status.show(compareText({ step: 'hypervolume', run, count: 40_174, objectives: 5, share }), share);
    status.show(compareText({ step: 'igd', run, count: 71_241, objectives: 5 }));
    status.stop();
    expect(text().split('\n')).toEqual([
      'A: s1: exact hypervolume (40,174 designs, 5 objectives)',
      'A: s1: exact hypervolume (40,174 designs, 5 objectives) 25%',
      'A: s1: exact hypervolume (40,174 designs, 5 objectives) 50%',
      'A: s1: exact hypervolume (40,174 designs, 5 objectives) 100%',
      'A: s1: IGD+ against the union (71,241 designs)',
      '',
    ]);
  });
});

describe('worker threads on the progress line', () => {
  it('says how many of the workers are useful on this machine, when the line has room', () => {
    vi.stubEnv('COLUMNS', '200');
    const { stream, text } = sink(false);
    const p = createProgress('lines', stream);
    p.update({ ...info, local: { workers: 2, useful: 1, load: 3.14, cores: 2 } });
    p.stop();
    vi.unstubAllEnvs();
    expect(text()).toContain('  workers 2 (1 useful here: load 3.1 on 2 cores)\n');
  });
});

/** The escape character that starts a terminal control sequence. */
const ESC = String.fromCharCode(27);

describe('the progress line within the width', () => {
  // gen 60/60 (9) evals 384,000 (13) running HV 1.4000 (17) front 128,824 (13) ETA 0.0s (8), two spaces apart: 68
  const core = 'gen 60/60  evals 384,000  running HV 1.4000  front 128,824  ETA 0.0s';
  it('adds the optional fields, long form first, while they fit', () => {
    expect(progressFields(info, 200, true)).toBe(`${core}  feasible 100%  failures 0  elapsed 9.0s`);
    // 68 + "  feasible 100%" (15) = 83 > 79; "  feas 100%" (11) = 79 fits; nothing else does
    expect(progressFields(info, 79, true)).toBe(`${core}  feas 100%`);
    expect(progressFields(info, 68, true)).toBe(core);
  });

  it('shortens the five useful fields before cutting them', () => {
    // short, two spaces apart: 9 + 12 + 9 + 13 + 8 + 8 = 59; one space apart: 55
    expect(progressFields(info, 60, true)).toBe('gen 60/60  ev 384,000  HV 1.4000  front 128,824  ETA 0.0s');
    expect(progressFields(info, 55, true)).toBe('gen 60/60 ev 384,000 HV 1.4000 front 128,824 ETA 0.0s');
    expect(progressFields(info, 20, true)).toBe('gen 60/60 ev 384,000');
  });

  it('drops the workers, or names only their count, when their rates do not fit', () => {
    const remote: ProgressInfo = {
      ...info,
      remote: {
        connected: 3,
        rates: ['a', 'b', 'c'].map((worker) => ({ worker, evaluations: 120, evaluationsPerSecond: 12 })),
      },
    };
    expect(progressFields(remote, 95 + 40, false)).toBe(
      `${core}  feasible 100%  failures 0  workers 3 (a 12.0/s b 12.0/s c 12.0/s)`,
    );
    expect(progressFields(remote, 95 + 11, false)).toBe(`${core}  feasible 100%  failures 0  workers 3`);
  });

  it('the width: the terminal, else COLUMNS, else 80', () => {
    expect(progressWidth(sink(true, 120).stream, { COLUMNS: '60' })).toBe(120);
    expect(progressWidth(sink(false).stream, { COLUMNS: '60' })).toBe(60);
    expect(progressWidth(sink(false).stream, { COLUMNS: 'wide' })).toBe(80);
  });

  it('each progress line on a pipe and the bar on an 80-column terminal fit 80 columns', () => {
    const pipe = sink(false);
    const lines = createProgress('lines', pipe.stream);
    const tty = sink(true, 80);
    const bar = createProgress('bar', tty.stream);
    for (const generation of [1, 30, 60]) {
      const p = { ...info, generation, evaluations: 1_234_567 * generation, frontSize: 1_234_567 };
      lines.update(p);
      bar.update(p);
    }
    lines.stop();
    bar.stop();
    const written = pipe
      .text()
      .split('\n')
      .filter((l) => l !== '');
    expect(written.length).toBe(3);
    expect(written.filter((l) => l.length > 79)).toEqual([]);
    // rows start at a carriage return, a newline or a cursor move to a column (cli-progress redraws with those)
    const rows = tty
      .text()
      .split(new RegExp(`\r|\n|${ESC}\\[\\d*G`))
      .map((r) => r.replace(new RegExp(`${ESC}(\\[[0-9;?]*[A-Za-z]|[78])`, 'g'), ''))
      .filter((r) => r !== '');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.length > 79 || !r.includes('ETA'))).toEqual([]);
  });
});

describe('odc run piped at COLUMNS=80 (built CLI, a real process)', () => {
  it('writes every progress and finishing line within 80 characters, the useful fields kept', () => {
    const dir = tempDir();
    const study = benchmarkStudy(dir, 'zdt1.yaml', {
      name: 'zdt1-width',
      algorithm: { population: 20, generations: 10, seed: 2 },
    });
    const r = spawnSync(process.execPath, ['dist/src/entries/cli/bin.js', 'run', study, '--out', `${dir}/run`], {
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '80' },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    const progress = lines.filter((l) => l.startsWith('gen '));
    // one line per tenth of 10 generations, and one at the first
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
    for (const l of progress)
      expect(l).toMatch(/^gen \d+\/10 {2}evals [\d,]+ {2}running HV [\d.]+ {2}front \d+ {2}ETA /);
  });
});

/**
 * A log cut mid-row (a copy or a disk that stopped mid-write) is refused by every path that reads a finished run's
 * log, naming the file: warm start (`algorithm.initial.from`) and the report's loader; so is a FIFO or a link put in
 * its place; so is an evaluations.parquet cut anywhere (its footer, at the end, is then gone or partial).
 * Expectations are the file facts the test makes itself: where it cut, what it planted.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, truncateSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { runStudy } from '../../src/index.js';
import { loadRun } from '../../src/run/loadRun.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const study = (extra = ''): string =>
  `name: cut-log\nkind: benchmark\nproblem: zdt1\nvariables: 3\nalgorithm:\n  name: nsga2\n  population: 8\n  generations: 3\n  seed: 5\n${extra}`;

let dir = '';
let earlier = '';
/** The same run with the default (Parquet) log. */
let earlierParquet = '';

beforeAll(async () => {
  dir = tempDir('truncated-logs');
  const path = writeFile(dir, 'tiny.yaml', study());
  earlier = (await runStudy({ studyPath: path, outDir: join(dir, 'earlier'), logFormat: 'csv' })).runDir;
  earlierParquet = (await runStudy({ studyPath: path, outDir: join(dir, 'earlier-parquet') })).runDir;
}, 120_000);

/** A copy of the earlier run whose evaluations.csv (or, `parquet`, evaluations.parquet) is replaced by `damage`. */
function damaged(name: string, damage: (log: string) => void, parquet = false): string {
  const copy = join(dir, name);
  cpSync(parquet ? earlierParquet : earlier, copy, { recursive: true });
  damage(join(copy, parquet ? 'evaluations.parquet' : 'evaluations.csv'));
  return copy;
}

async function warmStartError(from: string): Promise<StudyError> {
  const warm = writeFile(dir, `warm-${from}.yaml`, study(`  initial:\n    from: ${from}\n`));
  const e = await runStudy({ studyPath: warm, outDir: join(dir, `out-${from}`) }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(StudyError);
  return e as StudyError;
}

describe('a finished run whose log was cut or replaced', () => {
  it('the log ends with a line end as written', () => {
    expect(readFileSync(join(earlier, 'evaluations.csv'), 'utf8').endsWith('\n')).toBe(true);
  });

  it('warm start refuses a log cut mid-row, naming the file', async () => {
    damaged('cut', (log) => truncateSync(log, statSync(log).size - 7));
    const e = await warmStartError('cut');
    expect(e.code).toBe('BAD_RUN_DIR');
    // the path as odc shows it (relative to the working folder when that is shorter): its last three parts
    expect(e.message).toContain(`${join(basename(dir), 'cut', 'evaluations.csv')}: ends mid-row`);
  });

  it('warm start refuses a FIFO or a link to /dev/zero as the log, unread', async () => {
    damaged('fifo', (log) => {
      rmSync(log);
      execFileSync('mkfifo', [log]);
    });
    expect((await warmStartError('fifo')).message).toMatch(/evaluations\.csv: is a pipe \(FIFO\)/);
    damaged('zero', (log) => {
      rmSync(log);
      symlinkSync('/dev/zero', log);
    });
    expect((await warmStartError('zero')).message).toMatch(/evaluations\.csv: is a symbolic link/);
  });

  it('the report loader refuses a log cut mid-row, naming the file and the record', () => {
    const cut = damaged('cut-report', (log) => truncateSync(log, statSync(log).size - 3));
    // rows after the header: the last one is the cut one
    const rows = readFileSync(join(earlier, 'evaluations.csv'), 'utf8').trimEnd().split('\n').length - 1;
    expect(() => loadRun(cut)).toThrow(
      new RegExp(`evaluations\\.csv: ends mid-row \\(row ${rows} after the header has no line end`),
    );
    expect(() => loadRun(earlier)).not.toThrow();
  });

  it.each([
    ['its last 7 bytes (the footer cut)', 7],
    ['half of it (row groups and footer gone)', 0.5],
  ])(
    'an evaluations.parquet cut by %s: warm start and the report loader refuse it, naming the file',
    async (_, cut) => {
      const tag = `pq-cut-${cut}`;
      damaged(
        tag,
        (log) => truncateSync(log, cut < 1 ? Math.floor(statSync(log).size * cut) : statSync(log).size - cut),
        true,
      );
      const e = await warmStartError(tag);
      expect(e.code).toBe('BAD_RUN_DIR');
      expect(e.message).toContain(`${join(basename(dir), tag, 'evaluations.parquet')}: not a readable evaluation log`);
      expect(() => loadRun(join(dir, tag))).toThrow(
        /evaluations\.parquet: not a readable evaluation log \(no Parquet footer/,
      );
      // the uncut Parquet run is read by both
      expect(loadRun(earlierParquet).evaluatedCount).toBe(loadRun(earlier).evaluatedCount);
    },
  );
});

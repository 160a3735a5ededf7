/**
 * evaluations.csv from a run's Parquet log (odc export <run> --format evaluations-csv): the columns and bytes a CSV
 * run writes (logHeader, logRow), as the Parquet log gives every value back exactly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../base/errors.js';
import { writeStreamAtomic } from './atomic.js';
import { logHeader, logRow } from './log.js';
import { parquetLogRows } from './parquetLog.js';
import { loadStudyProblem } from './problem.js';
import { LOG_FINAL, LOG_PARQUET, LOG_PARQUET_PARTIAL } from './runFolder.js';

/**
 * Writes `out` (default <runDir>/evaluations.csv) from the finished run's evaluations.parquet; returns the path and
 * the row count.
 */
export async function exportLogCsv(runDir: string, out?: string): Promise<{ path: string; rows: number }> {
  const path = join(runDir, LOG_PARQUET);
  if (!existsSync(path)) {
    const partial = existsSync(join(runDir, LOG_PARQUET_PARTIAL));
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path}: missing; ${partial ? 'the run is not finished (finish it with odc run --resume, then export)' : 'only a run made with odc run --log parquet has one (a CSV run already has evaluations.csv)'}`,
      { file: path },
    );
  }
  const { problem } = loadStudyProblem(join(runDir, 'study.yaml'));
  let rows: Awaited<ReturnType<typeof parquetLogRows>>;
  try {
    rows = await parquetLogRows(problem, readFileSync(path));
  } catch (e) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path}: not a readable evaluation log of this run's study (${(e as Error).message}); run the study again`,
      { file: path },
    );
  }
  const target = out ?? join(runDir, LOG_FINAL);
  writeStreamAtomic(target, (sink) => {
    sink(logHeader(problem));
    let text = '';
    for (const r of rows) {
      text += logRow(problem, r);
      if (text.length >= 1 << 16) {
        sink(text);
        text = '';
      }
    }
    if (text.length > 0) sink(text);
  });
  return { path: target, rows: rows.length };
}

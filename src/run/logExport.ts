/**
 * evaluations.csv from a run's Parquet log (odc export <run> --format evaluations-csv): the columns and bytes a CSV
 * run writes (logHeader, logRow), as the Parquet log gives every value back exactly. Streamed a row group at a time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../base/errors.js';
import { writeStreamAtomic } from './atomic.js';
import { logHeader, logRow } from './log.js';
import { forEachLogRow, LOG_FILES } from './logRead.js';
import { loadStudyProblem } from './problem.js';

/**
 * Writes `out` (default <runDir>/evaluations.csv) from the finished run's evaluations.parquet; returns the path and
 * the row count.
 */
export function exportLogCsv(runDir: string, out?: string): { path: string; rows: number } {
  const { parquet, csv } = LOG_FILES;
  const path = join(runDir, parquet.final);
  if (!existsSync(path)) {
    const why = existsSync(join(runDir, parquet.partial))
      ? 'the run is not finished (finish it with odc run --resume, then export)'
      : existsSync(join(runDir, csv.final))
        ? `this run logged as CSV: ${csv.final} is already there`
        : 'not a finished run folder (run the study with odc run)';
    throw new StudyError('BAD_RUN_DIR', `${path}: missing; ${why}`, { file: path });
  }
  const { problem } = loadStudyProblem(join(runDir, 'study.yaml'));
  const target = out ?? join(runDir, csv.final);
  let rows = 0;
  writeStreamAtomic(target, (sink) => {
    sink(logHeader(problem));
    let text = '';
    forEachLogRow(path, problem, (r) => {
      rows++;
      text += logRow(problem, r);
      if (text.length >= 1 << 16) {
        sink(text);
        text = '';
      }
    });
    if (text.length > 0) sink(text);
  });
  return { path: target, rows };
}

/**
 * A Parquet evaluation log (src/run/parquetLog.ts) as the explorer holds it: one Float64Array per column (status and
 * a choice's option as their codes), read up to the log's last footer, a row group at a time. A running log may end
 * inside a row group being appended: its last footer is then found from the end back (lastFooterEnd); a finished
 * log must end with its footer, else it was cut.
 */
import { closeSync, readFileSync } from 'node:fs';
import { StudyError } from '../base/errors.js';
import { openRegularFile } from '../base/guardedFile.js';
import { LOG_FILES } from '../run/logRead.js';
import {
  bytesSource,
  fileSource,
  forEachParquetGroup,
  lastFooterEnd,
  parquetFooter,
  type ByteSource,
  type ParquetGroup,
} from '../run/parquetLog.js';

/** What the explorer needs of a column: its name, and the options its text codes (the status, a choice). */
interface Column {
  readonly name: string;
  readonly options?: readonly (string | number)[];
}

/**
 * The log at `path` read up to its last footer, or undefined when that footer ends at `knownEnd` (nothing new). Its
 * columns have room for at least 1,024 rows. `fix` names what to do about a damaged file.
 */
export function readParquetColumns(
  path: string,
  columns: readonly Column[],
  knownEnd: number,
  fix: string,
): { data: Float64Array[]; rows: number; end: number } | undefined {
  const { fd, size } = openRegularFile(path, {
    what: 'run log',
    maxBytes: Number.MAX_SAFE_INTEGER,
    code: 'BAD_RUN_DIR',
    fix,
  });
  try {
    let src: ByteSource = fileSource(fd, size);
    try {
      parquetFooter(src);
    } catch {
      if (path.endsWith(LOG_FILES.parquet.final))
        throw new StudyError('BAD_RUN_DIR', `${path}: cut (no Parquet footer at its end); ${fix}`, { file: path });
      const bytes = readFileSync(path);
      src = bytesSource(bytes.subarray(0, lastFooterEnd(bytes)));
    }
    if (src.size === knownEnd) return undefined;
    const groups: ParquetGroup[] = [];
    if (src.size > 0)
      forEachParquetGroup(
        src,
        () => columns.map((c) => c.name),
        (g) => groups.push(g),
      );
    const rows = groups.reduce((n, g) => n + g.rows, 0);
    const data = columns.map((info) => {
      const codes = (info.options ?? []).map(String);
      const out = new Float64Array(Math.max(1024, rows));
      let at = 0;
      for (const g of groups) {
        const col = g.columns.get(info.name)!;
        if (col instanceof Float64Array) out.set(col, at);
        else
          for (let i = 0; i < col.length; i++) {
            const code = codes.indexOf(col[i] ?? '');
            out[at + i] = code < 0 ? NaN : code;
          }
        at += g.rows;
      }
      return out;
    });
    return { data, rows, end: src.size };
  } finally {
    closeSync(fd);
  }
}

/**
 * The evaluation log: every evaluated design, feasible or not, in evaluation order. It is appended to
 * `evaluations.csv.partial` after each generation; a checkpoint records the byte length reached, so a
 * resumed run truncates to that length and re-evaluates the rest identically. Numbers are written with
 * JavaScript's shortest round-trip form, so a reparsed log holds the same doubles.
 */
import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { writeAllSync } from './atomic.js';
import { StudyError } from '../core/errors.js';
import type { Evaluation, Problem } from '../problem/types.js';
import { constraintViolation } from '../problem/types.js';

export interface LoggedEvaluation {
  readonly index: number;
  readonly generation: number;
  readonly x: Float64Array;
  /** Minimized objectives (NaN-filled when failed). */
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly cv: number;
  readonly failure: string | null;
}

const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (v: number): string => (Number.isNaN(v) ? '' : String(v));

export function logHeader(problem: Problem): string {
  const cols = [
    'eval', 'generation', 'status',
    ...problem.variables.map((v) => v.name),
    ...problem.objectives.map((o) => o.name),
    ...problem.constraints.map((c) => `g[${c.name}]`),
    'violation', 'reason',
  ];
  return `${cols.map(csvCell).join(',')}\n`;
}

export function toLogged(problem: Problem, index: number, generation: number, x: Float64Array, e: Evaluation): LoggedEvaluation {
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  if (e.status === 'failed') {
    return { index, generation, x, f: new Float64Array(m).fill(NaN), g: new Float64Array(k).fill(NaN), cv: Infinity, failure: e.reason };
  }
  return { index, generation, x, f: e.f, g: e.g, cv: constraintViolation(e), failure: null };
}

/** One CSV row; objectives in the user's sense (a maximized metric is positive again). */
export function logRow(problem: Problem, r: LoggedEvaluation): string {
  const status = r.failure !== null ? 'failed' : r.cv > 0 ? 'infeasible' : 'feasible';
  const vars = problem.variables.map((v, i) => (v.kind === 'choice' ? csvCell(String(v.options[r.x[i]!])) : num(r.x[i]!)));
  const objs = problem.objectives.map((o, i) => num(o.sense === 'maximize' ? -r.f[i]! : r.f[i]!));
  const gs = Array.from(r.g, num);
  return `${[r.index, r.generation, status, ...vars, ...objs, ...gs, r.failure !== null ? '' : num(r.cv), csvCell(r.failure ?? '')].join(',')}\n`;
}

/** open(2) flags that refuse a symbolic link as the last path component (ELOOP), where the platform has it. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** The log is never written (or truncated) through a symbolic link planted in the run folder. */
function refuseSymlink(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // absent: nothing to refuse
  }
  if (link) throw symlinkError(path);
}

function openNoFollow(path: string, flags: number): number {
  refuseSymlink(path);
  try {
    return openSync(path, flags | NOFOLLOW, 0o644);
  } catch (e) {
    throw (e as { code?: unknown }).code === 'ELOOP' ? symlinkError(path) : e;
  }
}

const symlinkError = (path: string): StudyError =>
  new StudyError('BAD_RUN_DIR', `${path} is a symbolic link; odc does not write through links: remove it (or use another --out folder) and run the command again`, { file: path });

export class EvaluationLog {
  readonly entries: LoggedEvaluation[] = [];
  private fd: number;
  private bytes: number;
  constructor(path: string, private readonly problem: Problem, resumeBytes?: number) {
    if (resumeBytes === undefined) {
      this.fd = openNoFollow(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC);
      const head = logHeader(problem);
      writeAllSync(this.fd, Buffer.from(head, 'utf8'));
      this.bytes = Buffer.byteLength(head);
    } else {
      refuseSymlink(path);
      if (!existsSync(path) || statSync(path).size < resumeBytes) throw new Error(`${path} is shorter than its checkpoint says; the run folder is damaged`);
      truncateSync(path, resumeBytes);
      // Not push(...rows): spreading 125k+ rows overflows the call stack (issue 13, item 4).
      for (const row of parseLog(readFileSync(path, 'utf8'), problem)) this.entries.push(row);
      this.fd = openNoFollow(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND);
      this.bytes = resumeBytes;
    }
  }
  append(rows: readonly LoggedEvaluation[]): void {
    let text = '';
    for (const r of rows) text += logRow(this.problem, r);
    // Every byte or an error (a short write on a nearly full disk would leave a row cut in half).
    writeAllSync(this.fd, Buffer.from(text, 'utf8'));
    this.bytes += Buffer.byteLength(text);
    for (const row of rows) this.entries.push(row);
  }
  get byteLength(): number {
    return this.bytes;
  }
  close(): void {
    closeSync(this.fd);
  }
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Reparse a log written by `EvaluationLog` (used to resume). */
export function parseLog(text: string, problem: Problem): LoggedEvaluation[] {
  const lines = text.split('\n').slice(1).filter((l) => l.length > 0);
  const n = problem.variables.length;
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  return lines.map((line) => {
    const c = splitCsvLine(line);
    const failed = c[2] === 'failed';
    const x = new Float64Array(n);
    problem.variables.forEach((v, i) => {
      const cell = c[3 + i]!;
      x[i] = v.kind === 'choice' ? v.options.findIndex((o) => String(o) === cell) : Number(cell);
    });
    const f = new Float64Array(m);
    problem.objectives.forEach((o, i) => {
      const v = c[3 + n + i] === '' ? NaN : Number(c[3 + n + i]);
      f[i] = o.sense === 'maximize' ? -v : v;
    });
    const g = new Float64Array(k);
    for (let i = 0; i < k; i++) g[i] = c[3 + n + m + i] === '' ? NaN : Number(c[3 + n + m + i]);
    const cvCell = c[3 + n + m + k]!;
    return { index: Number(c[0]), generation: Number(c[1]), x, f, g, cv: failed ? Infinity : Number(cvCell), failure: failed ? (c[4 + n + m + k] ?? '') : null };
  });
}

/**
 * Typed errors. User errors (bad study file, bad CLI input) are `StudyError` with a stable `code`;
 * the CLI prints their message and exits 2 without a stack trace. Anything else is a bug.
 */
export type StudyErrorCode =
  | 'FILE_NOT_FOUND'
  | 'YAML_SYNTAX'
  | 'UNKNOWN_KEY'
  | 'WRONG_TYPE'
  | 'MISSING_FIELD'
  | 'MISSING_UNIT'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_CATALOG_ID'
  | 'BAD_VARIABLE'
  | 'BAD_OBJECTIVE'
  | 'BAD_CONSTRAINT'
  | 'BAD_ALGORITHM'
  | 'BAD_RUN_DIR'
  | 'INCOMPATIBLE_RUN'
  | 'BAD_ARGUMENT';

export class StudyError extends Error {
  readonly code: StudyErrorCode;
  readonly file: string | undefined;
  readonly field: string | undefined;
  constructor(
    code: StudyErrorCode,
    message: string,
    where: { file?: string | undefined; field?: string | undefined } = {},
  ) {
    super(message);
    this.name = 'StudyError';
    this.code = code;
    this.file = where.file;
    this.field = where.field;
  }
}

/**
 * Marks StudyError's prototype, so a StudyError is recognized across copies of this module: the CLI's bundle and each
 * of its chunks (esbuild.config.mjs) hold one, and an error thrown in a chunk reaches the CLI's error handler.
 */
const STUDY_ERROR = Symbol.for('odc.StudyError');
Object.defineProperty(StudyError.prototype, STUDY_ERROR, { value: true });

export const isStudyError = (e: unknown): e is StudyError =>
  e instanceof StudyError ||
  (typeof e === 'object' && e !== null && (e as { [STUDY_ERROR]?: unknown })[STUDY_ERROR] === true);

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The message for a dist/ missing a module it was built with (a deleted bundle chunk, a partial copy), found in any
 * thread, or undefined for any other error: the missing file and the fix (the npm scripts rebuild a stale dist/ first,
 * .ci/build.mjs; running dist/ directly does not).
 */
export function incompleteBuildMessage(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | null;
  const text = String(err?.message ?? e);
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' && err?.code !== 'MODULE_NOT_FOUND') return undefined;
  if (!/[/\\]dist[/\\]/.test(text)) return undefined;
  return `the build in dist/ is incomplete (${text.split('\n')[0]}): run npm run build`;
}

/**
 * A write the disk or a limit refused, in words, by errno: no space, the quota, or the largest file size (EFBIG: the
 * process's file-size limit, `ulimit -f`, or the file system's; Node ignores SIGXFSZ, so the write fails with EFBIG
 * instead of the signal ending the process). One list for every writer: run files, --out, standard output.
 */
export const WRITE_LIMITS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file would pass the largest file size allowed (the file-size limit, ulimit -f, or the file system’s)',
};

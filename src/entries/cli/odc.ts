/**
 * The `odc` command as a function: main.ts with the process around it (exit code, a closed stdout). bin.ts runs it,
 * from dist/src/entries/cli/odc.cjs (one CommonJS bundle, loaded with a V8 code cache: see bin.ts and
 * esbuild.config.mjs)
 * or from tsc's per-file output when there is no bundle.
 */
import { WRITE_LIMITS } from '../../base/errors.js';
import { main } from './main.js';

export function runCli(argv: readonly string[]): Promise<void> {
  // The reader went away (`odc … | head`): stop quietly, as Unix tools do, instead of an unhandled EPIPE error
  // with a stack trace. The exit code is the command's own when it had finished, else 141 (128 + SIGPIPE, what a
  // shell reports for a tool that a closed pipe stopped); a stopped run resumes from its last checkpoint.
  // Any other write error (stdout on a full disk or /dev/full, a revoked terminal) is the user's target, not a bug:
  // one line on stderr and exit 2, never a stack trace.
  let finished = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) =>
      outputFailed(e, stream === process.stdout ? 'standard output' : 'standard error', finished),
    );
  }
  return main(argv).then((code) => {
    process.exitCode = code;
    finished = true;
  });
}

/** Ends the process for a failed write to stdout or stderr: EPIPE as Unix tools do, anything else as exit 2. */
function outputFailed(e: NodeJS.ErrnoException, target: string, finished: boolean): never {
  if (e.code === 'EPIPE') process.exit(finished ? (process.exitCode ?? 0) : 141);
  const why =
    (Object.hasOwn(WRITE_LIMITS, e.code ?? '') ? WRITE_LIMITS[e.code!] : undefined) ?? e.message.split(',')[0];
  try {
    if (target !== 'standard error')
      process.stderr.write(
        `odc: cannot write to ${target}: ${why} (${e.code ?? 'error'}); send it to a file on a disk with space\n`,
      );
  } catch {
    // stderr is gone too: the exit code is all that is left
  }
  process.exit(2);
}

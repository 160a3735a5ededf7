/**
 * The `odc` command as a function: main.ts with the process around it (exit code, a closed stdout). bin.ts runs it,
 * from dist/src/cli/odc.cjs (one CommonJS bundle, loaded with a V8 code cache: see bin.ts and esbuild.config.mjs)
 * or from tsc's per-file output when there is no bundle.
 */
import { main } from './main.js';

export function runCli(argv: readonly string[]): Promise<void> {
  // The reader went away (`odc … | head`): stop quietly, as Unix tools do, instead of an unhandled EPIPE error
  // with a stack trace. The exit code is the command's own when it had finished, else 141 (128 + SIGPIPE, what a
  // shell reports for a tool that a closed pipe stopped); a stopped run resumes from its last checkpoint.
  let finished = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(finished ? (process.exitCode ?? 0) : 141);
    });
  }
  return main(argv).then((code) => {
    process.exitCode = code;
    finished = true;
  });
}

#!/usr/bin/env node
/** Executable entry of `odc` (package.json "bin"); everything else is in main.ts so tests can run it in-process. */
import { main } from './main.js';

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

process.exitCode = await main(process.argv.slice(2));
finished = true;

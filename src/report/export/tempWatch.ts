/**
 * An export's temporary file removed should the process end before renaming it (Ctrl-C, SIGTERM, SIGKILL, out of
 * memory). A streamed export writes synchronously, so no signal handler of this process runs until it is done; a
 * small watcher process, started detached (its own process group, so the terminal's Ctrl-C does not reach it), reads
 * a pipe whose write end only this process holds. However this process ends, the kernel closes that end; the watcher
 * then removes the temporary file if it is still there (a finished export has renamed it) and exits.
 */
import { spawn } from 'node:child_process';

const WATCHER =
  "const f=process.argv[1],rm=()=>{try{require('fs').rmSync(f,{force:true})}catch{}process.exit(0)};" +
  "process.stdin.on('end',rm);process.stdin.on('close',rm);process.stdin.on('error',rm);process.stdin.resume()";

/** Has `tmp` removed once this process ends, unless it is gone (renamed) by then. */
export function removeIfLeft(tmp: string): void {
  const child = spawn(process.execPath, ['-e', WATCHER, tmp], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined); // no watcher: the export still writes, only the clean-up on a kill is lost
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

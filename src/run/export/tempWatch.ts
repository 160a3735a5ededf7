/**
 * An export's temporary files removed should the process end before renaming them (Ctrl-C, SIGTERM, SIGKILL, out of
 * memory). A streamed export writes synchronously, so no signal handler of this process runs until it is done; a
 * small watcher process, started detached (its own process group, so the terminal's Ctrl-C does not reach it) before
 * the first temporary file exists, reads a pipe whose write end only this process holds. However this process ends,
 * the kernel closes that end; the watcher then removes the atomic writer's temporary files and staging folders
 * (`<name>.tmp-<12 hex digits>`, src/run/atomic.ts) of the export's target left in its folder (a finished export
 * has renamed them), and exits.
 */
import { spawn } from 'node:child_process';

const WATCHER =
  "const fs=require('fs'),p=require('path'),[dir,name]=process.argv.slice(1);const rm=()=>{try{" +
  'for(const n of fs.readdirSync(dir))if(/\\.tmp-[0-9a-f]{12}$/.test(n)&&(!name||n.slice(0,-17)===name))' +
  'fs.rmSync(p.join(dir,n),{recursive:true,force:true})}catch{}process.exit(0)};' +
  "process.stdin.on('end',rm);process.stdin.on('close',rm);process.stdin.on('error',rm);process.stdin.resume()";

/**
 * Once this process ends, removes the temporary files in `dir` of the target `name` (or of every target: a folder
 * export's own folder). Call before writing.
 */
export function removeTempsOnExit(dir: string, name?: string): void {
  const child = spawn(process.execPath, ['-e', WATCHER, dir, ...(name !== undefined ? [name] : [])], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined); // no watcher: the export still writes, only the clean-up on a kill is lost
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

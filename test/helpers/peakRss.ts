/**
 * The built `odc` run in a fresh process that reports its peak resident set at exit
 * (process.resourceUsage().maxRSS), for the memory tests and benchmarks of streamed exports.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve('dist/src/entries/cli/bin.js');
// Runs odc with the given arguments in this process and prints its peak resident set at exit.
const CHILD = `
const bin = process.argv[1];
process.on('exit', () => process.stderr.write('\\nODC_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
await import(bin);
`;

/** `odc <args>` in a fresh process: its peak resident set [MB]; throws with its stderr when it fails. */
export function odcPeakRss_MB(args: readonly string[]): number {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, BIN, ...args], { encoding: 'utf8' });
  const m = /ODC_MAXRSS_KB (\d+)/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`odc ${args.join(' ')} failed: ${r.stderr}`);
  return Number(m[1]) / 1024;
}

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

/**
 * V8 flags under which a process's peak resident set is what it retains plus a slack that neither the machine's load
 * nor the length of the run changes. `--single-threaded`: no background threads; by default the collector's
 * concurrent marking and the optimizing compiler run beside the program, finish later on a loaded machine, and the
 * heap grows further meanwhile. `--predictable-gc-schedule`: semi-spaces fixed at 4 MB, the old generation grown by
 * 30 % of what survives a full collection, no memory reducer; by default V8 doubles the semi-spaces (up to 16 MB) as
 * a run goes on and sizes the old generation's growth from measured speeds.
 */
export const STEADY_HEAP_FLAGS: readonly string[] = ['--single-threaded', '--predictable-gc-schedule'];

/**
 * `odc <args>` in a fresh process (started with the V8 flags `nodeFlags`): its peak resident set [MB]; throws with
 * its stderr when it fails.
 */
export function odcPeakRss_MB(args: readonly string[], nodeFlags: readonly string[] = []): number {
  const r = spawnSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', CHILD, BIN, ...args], {
    encoding: 'utf8',
  });
  const m = /ODC_MAXRSS_KB (\d+)/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`odc ${args.join(' ')} failed: ${r.stderr}`);
  return Number(m[1]) / 1024;
}

/**
 * Child process of the node-evaluation bench (node-eval.ts `--peer <dir>`): loads the flagship study of another build
 * and, on each request, evaluates one pass over a design set the parent sent, replying with the µs of CPU per
 * evaluation. The peer runs in its own process because two builds loaded into one V8 process do not run alike: in one
 * process, a second copy of the very same build ran about 2× slower than the first, which would bias any comparison.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Request =
  | { readonly kind: 'designs'; readonly set: string; readonly designs: readonly number[][] }
  | { readonly kind: 'pass'; readonly set: string; readonly limit?: number };

const dir = resolve(process.argv[2] ?? '.');
const at = (path: string) => pathToFileURL(join(dir, path)).href;
const { loadStudyProblem } = (await import(at('dist/src/run/problem.js'))) as typeof import('../../src/run/problem.js');
const { safeEvaluate } = (await import(
  at('dist/src/optimize/types.js')
)) as typeof import('../../src/optimize/types.js');
const { problem } = loadStudyProblem(join(dir, 'designs/flagship-study.yaml'));
const sets = new Map<string, Float64Array[]>();
const cpu_us = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

process.on('message', (m: Request) => {
  if (m.kind === 'designs') {
    sets.set(
      m.set,
      m.designs.map((d) => Float64Array.from(d)),
    );
    process.send!({ us: 0 });
    return;
  }
  const xs = sets.get(m.set)!.slice(0, m.limit);
  const t0 = cpu_us();
  for (const x of xs) safeEvaluate(problem, x);
  process.send!({ us: (cpu_us() - t0) / xs.length });
});
process.on('disconnect', () => process.exit(0));
process.send!({ us: 0 });

/**
 * Requirements on discrete quantities: a constraint whose value is set by the study's choice and integer variables
 * alone (a link capacity of 4 × 100 Gbps terminals, a peak IT power of 77 chips × their power) is met exactly or not
 * at all; a design that meets it at 0 % has no margin to keep there, and more margin would only come from another
 * discrete choice. Detected on the front: designs that make the same discrete choices have the same g (and at least
 * two such designs exist), while the study has a continuous variable that could have moved it.
 */
import type { ParetoFile } from '../paretoFile.js';

const SAME = 1e-12;

/** The constraint names of `pareto` whose g is a function of its discrete variables on the front. */
export function discreteConstraints(pareto: Pick<ParetoFile, 'variables' | 'designs'>): ReadonlySet<string> {
  const discrete = pareto.variables.filter((v) => v.kind !== 'real').map((v) => v.name);
  if (discrete.length === 0 || discrete.length === pareto.variables.length) return new Set();
  const groups = new Map<string, ParetoFile['designs'][number][]>();
  for (const d of pareto.designs) {
    const key = JSON.stringify(discrete.map((n) => d.variables[n]));
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [d]);
    else g.push(d);
  }
  const shared = [...groups.values()].filter((g) => g.length >= 2);
  if (shared.length === 0) return new Set();
  const names = Object.keys(pareto.designs[0]?.constraints ?? {});
  return new Set(
    names.filter((name) =>
      shared.every((g) => {
        const first = g[0]!.constraints[name]!;
        return g.every((d) => Math.abs(d.constraints[name]! - first) <= SAME * Math.max(1, Math.abs(first)));
      }),
    ),
  );
}

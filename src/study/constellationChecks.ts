/**
 * The checks a constellation study always enforces (the physical closure, before the study's own constraints): every
 * shell's node closures, the traffic demand when the file states it, the launch campaign flying at all and the
 * separation screen. Names as in the
 * constellation record; the order is the g vector's. Link line of sight and pointing are not among them: a link off at
 * an instant costs throughput there, which network.demand judges (record/constraints.ts).
 */
/** Node closures every shell must meet (names as in the node record). */
export const NODE_CLOSURES = [
  'power.arrayArea',
  'thermal.radiatorArea',
  'mass.launchClosure',
  'launch.fitsVehicle',
] as const;
/**
 * The closures `nodeSizing: closed` meets by construction: node/sizing.ts re-sizes the array, radiator and launch
 * allocation to what the node model requires (or the evaluation fails). They are equalities there, g = 0 for every
 * design, so they are not optimizer constraints: as such they would only be reported as binding at 0 % on every
 * design. The node record keeps the checks.
 */
const SIZED_BY_CLOSURE: ReadonlySet<string> = new Set([
  'power.arrayArea',
  'thermal.radiatorArea',
  'mass.launchClosure',
]);

/** The node closures a study enforces: all of them, or with closed sizing those it does not meet by construction. */
export function enforcedNodeClosures(closedSizing: boolean): readonly string[] {
  return closedSizing ? NODE_CLOSURES.filter((n) => !SIZED_BY_CLOSURE.has(n)) : NODE_CLOSURES;
}

/**
 * The constellation record's checks a study holds after the node closures, in g order; `demand`: the file states its
 * traffic demand (or searches it), which network.demand then holds. launch.vehicle counts why the campaign cannot fly
 * (0 when it can; a zero count at a limit of 0 is never called binding, src/run/decision/binding.ts).
 */
export const recordChecksHeld = (demand: boolean): readonly string[] => [
  ...(demand ? ['network.demand'] : []),
  'launch.vehicle',
  'environment.minSeparation',
];

/** The always-enforced constraints' names with these node closures, in the order of the g vector. */
export function constellationPhysicalConstraints(closures: readonly string[], demand: boolean): string[] {
  return [...closures.map((n) => `node.${n} (worst shell)`), ...recordChecksHeld(demand)];
}

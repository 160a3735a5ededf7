/**
 * The parity year of a constellation's verdict, with its band: the generation
 * (src/constellation/economics/generation.ts) re-priced at each calendar year of the first shell's node
 * economics.trajectories against the same chips on the ground in one terrestrial scenario, by the node verdict's
 * search (src/node/stages/parity.ts parityWithBand: first crossing of space/ground = 1 on a yearly grid, linear between
 * grid years).
 * Method: as the node's, with factors of src/models/cost/priceTrajectories.ts (1 in the reference year): space, each
 * shell's off-curve hardware re-priced line by line (generation.ts pricesAt: first-unit-class lines get learning,
 * no trajectory) and the generation priced again; ground,
 * each shell's chips re-priced (parity.ts groundLcoc), weighted by satellites × delivered PFLOPS as the verdict's.
 * Band: the trend alternatives that apply, the favourable ones together for the early end and the unfavourable ones for
 * the late end (parity.ts). A generation the models cannot price (no compute delivered) has no parity year: null.
 * Re-pricing line by line: docs/runs.md §"Constellation parity year".
 */
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import { chipsOf, generationEconomics, pricesAt } from '../../constellation/economics/generation.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import type { PriceFactors } from '../../models/cost/priceTrajectories.js';
import { terrestrialTerms } from '../../node/stages/cost.js';
import { groundLcoc, parityWithBand, type ParityBand } from '../../node/stages/parity.js';

/** The ground side: the scenario's discounted LCOC of the fleet's chips at a year's factors; null without a term. */
export function groundAtFactors(spec: ConstellationSpec, r: ConstellationRecord, baseline: string) {
  const chips = chipsOf(
    spec,
    r.shells.map((s) => s.node),
  );
  const shells = r.shells.flatMap((s, i) => {
    const w = s.satellites * s.node.compute.deliveredPFLOPS;
    const { terms } = terrestrialTerms(spec.shells[i]!.node, spec.shells[i]!.rows, s.node.compute, chips(i));
    const term = terms.find((b) => b.id === baseline);
    return term !== undefined && w > 0 ? [{ w, term }] : [];
  });
  if (shells.length === 0) return null;
  const weight = shells.reduce((a, s) => a + s.w, 0);
  return (f: PriceFactors) => shells.reduce((a, s) => a + s.w * groundLcoc(s.term, f), 0) / weight;
}

/** The space side: the generation's discounted LCOC at a year's factors. */
export function spaceOf(spec: ConstellationSpec, r: ConstellationRecord) {
  const nodes = r.shells.map((s) => s.node);
  const sats = r.shells.map((s) => s.satellites);
  const prices = pricesAt(spec, nodes);
  return (f: PriceFactors) =>
    generationEconomics(spec, nodes, sats, r.totals.launch_USD * f.launch, [], prices(f))
      .lcocDiscounted_USD_per_PFLOP_day;
}

/**
 * The constellation verdict's parity year against `baseline` with its band (see the header); null when no shell
 * delivers compute in that scenario or the generation cannot be priced.
 */
export function constellationParity(
  spec: ConstellationSpec,
  r: ConstellationRecord,
  baseline: string,
): ParityBand | null {
  const ground = groundAtFactors(spec, r, baseline);
  if (ground === null) return null;
  const space = spaceOf(spec, r);
  try {
    return parityWithBand(spec.shells[0]!.node.economics.trajectories, (f) => space(f) / ground(f));
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * Closes a node design at its orbit: array area, radiator area and the launch-mass allocation are set to
 * what the node model requires (the areas times the design's power and thermal margins), by fixed-point
 * iteration (each pass re-evaluates the node with the areas
 * and allocation the previous pass required; the coupling — array and radiator mass feed the bus, drag
 * and launch mass, which feed back only weakly — converges in a few passes, as in the classic SMAD
 * §10 mass-power iteration). Used for constellations whose shells put one node at many orbits.
 *
 * Validity: designs whose requirements stay within the schema ranges (array ≤ 50,000 m², radiator ≤
 * 20,000 m², allocation ≤ 200 t); throws RangeError when the iteration does not settle.
 */
import type { NodeCatalogRows } from '../record/rows.js';
import type { NodeDesign } from '../design/schema.js';
import { nodeMetricsEvaluator } from '../evaluate.js';

const MAX_PASSES = 60;
const RELATIVE_TOLERANCE = 1e-9;

/** The settled design (its record: evaluateNode of it, lean or complete as the caller needs). */
export interface ClosedNode {
  readonly design: NodeDesign;
  readonly passes: number;
}

/**
 * The four numbers a pass reads, from the node's lean evaluation (evaluate.ts nodeMetricsEvaluator: the same stages and
 * numbers as the record, without building it): only the settled design's record is built.
 */
const PASS_METRICS = [
  'power.requiredArrayArea_m2',
  'thermal.requiredRadiatorArea_m2',
  'mass.launch_kg',
  'mass.allocated_kg',
] as const;
let passEvaluator: ReturnType<typeof nodeMetricsEvaluator> | undefined;

export function closeNodeDesign(design: Readonly<NodeDesign>, rows: Readonly<NodeCatalogRows>): ClosedNode {
  passEvaluator ??= nodeMetricsEvaluator({ metrics: PASS_METRICS, constraints: [] });
  let d: NodeDesign = design;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const v = passEvaluator!.run(d, rows);
    const array_m2 = v[0]!,
      radiator_m2 = v[1]!,
      launch_kg = v[2]!,
      allocated_kg = v[3]!;
    const next: NodeDesign = {
      ...d,
      // sized with the design's margins, as its power.arrayArea and thermal.radiatorArea checks ask
      power: { ...d.power, arrayArea_m2: array_m2 * (1 + d.power.designMargin) },
      thermal: { ...d.thermal, radiatorArea_m2: radiator_m2 * (1 + d.thermal.designMargin) },
      launch: { vehicle: d.launch.vehicle, mass_kg: launch_kg },
    };
    // Relative change, safe at a zero requirement (a node that needs no radiator).
    const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Number.MIN_VALUE);
    const change = Math.max(
      rel(next.power.arrayArea_m2, d.power.arrayArea_m2),
      rel(next.thermal.radiatorArea_m2, d.thermal.radiatorArea_m2),
      rel(launch_kg, allocated_kg),
    );
    d = next;
    if (change < RELATIVE_TOLERANCE) return { design: d, passes: pass };
  }
  throw new RangeError(
    `node sizing did not settle in ${MAX_PASSES} passes (array, radiator and launch mass keep changing)`,
  );
}

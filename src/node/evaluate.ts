/**
 * Composes the physical models into one node evaluation: design (+ catalog rows) → DesignRecord.
 *
 * Order (no iteration is needed): orbit → compute → ISL → thermal (radiator at the junction-limited
 * temperature, hot case, sized for peak IT heat) → power (array and battery for the worst orbit at end of
 * life) → radiation → dry mass → drag (on the dry mass) → propellant → launch mass → stowed volume →
 * cost. Constraints marked `enforced` always apply in studies: the physical closure of the design.
 * SI inside; user units (km, deg, min, Wh) are converted once, for the record (record/fields.ts).
 * The stages live in stages/ (thermalPower.ts, massDrag.ts, cost.ts, tokens.ts), the constraint table and the record
 * notes in record/constraints.ts, the record's fields in record/fields.ts and costFields.ts; this file runs the stages,
 * builds the record from the fields and holds the lean evaluation a study's optimizer uses.
 */
import { pushAll } from '../base/arrays.js';
import type { DesignRecord } from './record/record.js';
import { fieldAt, tableBuilder } from '../base/recordFields.js';
import { fmt } from '../base/numberFormat.js';
import { generatedFunction } from '../base/generated.js';
import { RECORD_FIELDS } from './record/fields.js';
import { recordWarnings } from './record/warnings.js';
import type {
  CostSizing,
  Design,
  LifecycleSizing,
  MassSizing,
  NodeSizing,
  Payload,
  PowerSizing,
  Radiation,
  Rows,
  ThermalSizing,
} from './record/nodeRecord.js';
import {
  payloadResults,
  powerResults,
  sizePayload,
  sizePower,
  sizeThermal,
  thermalResults,
  withCompute,
  type PayloadResults,
  type PowerResults,
  type ThermalResults,
} from './stages/thermalPower.js';
import { deliveredCompute, waterfallResults, type WaterfallResults } from './stages/waterfall.js';
import { computeRecord } from '../models/compute/compute.js';
import {
  massResults,
  radiationResults,
  sizeMassAndDrag,
  sizeRadiation,
  type MassResults,
  type RadiationResults,
} from './stages/massDrag.js';
import {
  costResults,
  lifecycle,
  lifecycleResults,
  sizeCost,
  type CostResults,
  type LifecycleResults,
} from './stages/cost.js';
import type { Scratch } from '../base/scratch.js';
import {
  chipFigureNote,
  launchPayloadNote,
  modelNotes,
  NODE_CONSTRAINTS,
  nodeConstraints,
} from './record/constraints.js';
import { tokenFigures, type TokenFigures } from './stages/tokens.js';

/**
 * The design's record. `lean`: without what only reports read (the record's lists, and the parity figures declared
 * `omittedWhenLean` in record/costFields.ts: NaN), for a constellation's lean evaluation; every other field is the
 * complete record's.
 */
export function evaluateNode(design: Design, rows: Rows, lean = false): DesignRecord {
  const notes: string[] = [];
  const s = sizeNode(design, rows, notes);
  const constraints = nodeConstraints(design, rows, s);
  pushAll(notes, modelNotes(design, s.computeShare, s.mass.drag.disposalModel));
  if (rows.chip.typicalFraction !== undefined) notes.push(chipFigureNote(rows.chip, rows.chip.typicalFraction));
  const o = design.orbit;
  const orbit = `${fmt(o.altitude_km, 4)} km ${o.inclination_deg === 'sso' ? 'SSO' : `${fmt(o.inclination_deg, 4)}°`}`;
  const launchNote = launchPayloadNote(rows.vehicle.id, s.mass.launchPayload, orbit);
  if (launchNote !== undefined) notes.push(launchNote);
  return {
    schemaVersion: 1,
    name: design.name,
    kind: 'node',
    ...buildSections(lean, s),
    constraints,
    notes,
    warnings: recordWarnings(s),
  };
}

/** Every section of the record, field by field (RECORD_FIELDS). */
const buildSections = tableBuilder<NodeSizing, typeof RECORD_FIELDS>(RECORD_FIELDS);

/**
 * Every sizing stage, in order: the results the record's fields read. `notes` (null: not kept) receives what a stage
 * has to say about the design. `into`: the result records a lean evaluator keeps (leanResults), rewritten whole by
 * this call and read before the next; null: fresh results, as a record that keeps them needs.
 */
export function sizeNode(
  design: Design,
  rows: Rows,
  notes: string[] | null,
  into: LeanResults | null = null,
): NodeSizing {
  const payload = sizePayload(design, rows, into?.payload ?? null);
  const thermal = sizeThermal(design, rows, payload, notes, into?.thermal ?? null);
  const power = sizePower(design, rows, payload, thermal, into?.power ?? null);
  // Delivered compute as a waterfall (compute.ts gives peak; throttling when the array or radiator falls short)
  const waterfall = deliveredCompute(design, rows, { payload, thermal, power }, into?.waterfall ?? null);
  // An array that cannot even carry the bus delivers nothing: the cost per delivered compute is then infinite (the
  // smallest positive double keeps the cost models' checks and makes the division overflow to Infinity).
  const costPFLOPS = Math.max(waterfall.deliveredPFLOPS, Number.MIN_VALUE);
  const rad = sizeRadiation(design, payload, into?.rad ?? null);
  const mass = sizeMassAndDrag(design, rows.vehicle, { payload, thermal, power, rad }, into?.mass ?? null);
  const cost = sizeCost(design, rows, { payload, costPFLOPS, thermal, power, mass }, into?.cost ?? null);
  const c = payload.compute;
  const compute = withCompute(c, c.itPowerAvg_W, c.heatLoadAvg_W, waterfall.deliveredPFLOPS, into?.compute);
  const s = into?.sizing ?? new Sizing();
  return s.of(design, rows, payload, compute, costPFLOPS, thermal, power, rad, mass, cost, waterfall, into);
}

/**
 * The results a lean evaluator keeps and each of its evaluations rewrites (V8 boxes every number of a fresh result
 * object; one stored into an existing record's number field is written in place): the sizing, its compute copy, the
 * thermal (with its radiator panel), power (with its array chain), mass, drag and cost stages' results and the fleet
 * economics. Read before the next evaluation; nothing that outlives
 * one holds them.
 */
export interface LeanResults {
  readonly sizing: Sizing;
  readonly payload: PayloadResults;
  readonly compute: Scratch<NodeSizing['compute']>;
  readonly thermal: ThermalResults;
  readonly power: PowerResults;
  readonly waterfall: WaterfallResults;
  readonly rad: RadiationResults;
  readonly mass: MassResults;
  readonly cost: CostResults;
  readonly economics: LifecycleResults;
}
const leanResults = (): LeanResults => ({
  sizing: new Sizing(),
  payload: payloadResults(),
  compute: computeRecord(),
  thermal: thermalResults(),
  power: powerResults(),
  waterfall: waterfallResults(),
  rad: radiationResults(),
  mass: massResults(),
  cost: costResults(),
  economics: lifecycleResults(),
});

/**
 * The stages' results. The fleet economics and the token figures run when a record field first reads them (every
 * field of a complete record; in a study, only when a metric names one of theirs): no other stage depends on them.
 * `of` writes every field (a lean evaluator's kept Sizing takes its next design's results, its fleet economics and
 * token figures dropped).
 */
class Sizing implements NodeSizing {
  design = undefined as unknown as Design;
  rows = undefined as unknown as Rows;
  orbit = undefined as unknown as Payload['orbit'];
  sunlitItPowerAvg_W = NaN;
  computeShare = NaN;
  isl = undefined as unknown as Payload['isl'];
  powerStates = undefined as unknown as Payload['powerStates'];
  powerEclipse_s = NaN;
  /** Orbit averages, the delivered PFLOPS after the waterfall. */
  compute = undefined as unknown as Payload['compute'];
  /** The delivered PFLOPS the cost models price (> 0). */
  private costPFLOPS = NaN;
  thermal = undefined as unknown as ThermalSizing;
  power = undefined as unknown as PowerSizing;
  rad = undefined as unknown as Radiation;
  mass = undefined as unknown as MassSizing;
  cost = undefined as unknown as CostSizing;
  waterfall = undefined as unknown as NodeSizing['waterfall'];
  /** The lean evaluator's records the fleet economics are written into (null: fresh ones). */
  private into: LeanResults | null = null;
  private economics_: LifecycleSizing | undefined = undefined;
  private tokens_: TokenFigures | undefined = undefined;
  of(
    design: Design,
    rows: Rows,
    payload: Payload,
    compute: Payload['compute'],
    costPFLOPS: number,
    thermal: ThermalSizing,
    power: PowerSizing,
    rad: Radiation,
    mass: MassSizing,
    cost: CostSizing,
    waterfall: NodeSizing['waterfall'],
    into: LeanResults | null,
  ): this {
    this.into = into;
    this.design = design;
    this.rows = rows;
    this.orbit = payload.orbit;
    this.sunlitItPowerAvg_W = payload.sunlitItPowerAvg_W;
    this.computeShare = payload.computeShare;
    this.isl = payload.isl;
    this.powerStates = payload.powerStates;
    this.powerEclipse_s = payload.powerEclipse_s;
    this.compute = compute;
    this.costPFLOPS = costPFLOPS;
    this.thermal = thermal;
    this.power = power;
    this.rad = rad;
    this.mass = mass;
    this.cost = cost;
    this.waterfall = waterfall;
    this.economics_ = undefined;
    this.tokens_ = undefined;
    return this;
  }
  get economics(): LifecycleSizing {
    return (this.economics_ ??= lifecycle(
      this.design,
      this.rows,
      this.compute,
      this.costPFLOPS,
      this.cost.cost,
      this.mass.mass.dry_kg,
      this.into?.economics ?? null,
    ));
  }
  get tokens(): TokenFigures {
    if (this.tokens_ === undefined) {
      this.tokens_ = tokenFigures(this.design, this.rows, {
        waterfall: this.waterfall,
        deliveredPFLOPS: this.costPFLOPS,
        program: this.economics.program,
      });
    }
    return this.tokens_;
  }
}

/**
 * What a study reads from each evaluation: metric paths (metricPaths) and physical constraints (PHYSICAL_CONSTRAINTS).
 */
export interface NodeOutputs {
  readonly metrics: readonly string[];
  readonly constraints: readonly string[];
}
export interface NodeMetricsEvaluator {
  /** The values of one design, in an array the next call overwrites: read them before evaluating another design. */
  readonly run: (design: Design, rows: Rows) => Float64Array;
  /** '<=' or '>=' of each of `out.constraints`. */
  readonly senses: readonly ('<=' | '>=')[];
}

/**
 * The lean evaluation a study's optimizer runs: design → the values of `out.metrics`, then the value and the limit of
 * each of `out.constraints` (their senses in `senses`), in one array. It runs the same sizing stages as evaluateNode
 * (the fleet economics and token figures only when a metric reads them) and reads each number with the record's own
 * field function (RECORD_FIELDS), building no record section, constraint description, note or warning: every number
 * equals the full record's (test/node/evaluate.test.ts, lean). Null when a metric or constraint is not a node metric.
 */
export function nodeMetricsEvaluator(out: NodeOutputs): NodeMetricsEvaluator | null {
  const fields: ((s: NodeSizing) => unknown)[] = [];
  for (const path of out.metrics) {
    const field = fieldAt(RECORD_FIELDS, path);
    if (field === undefined) return null;
    // A list is no metric (NaN, as the record's getter reads it); every other field is read as the record reads it.
    fields.push(field.kind === 'list' ? () => NaN : field.read);
  }
  const checks = out.constraints.map((name) => NODE_CONSTRAINTS.find((c) => c.name === name));
  if (checks.some((c) => c === undefined)) return null;
  const m = fields.length;
  const senses = checks.map((c) => c!.sense);
  // One array for every call: the caller reads the numbers before the next evaluation (NodeMetricsEvaluator.run).
  const values = new Float64Array(m + 2 * checks.length);
  // each field and check read at its own call site (base/generated.ts): a number returned through one megamorphic
  // site in a loop is boxed
  const constants: Record<string, unknown> = { values };
  const reads = fields.map((read, i) => {
    constants[`f${i}`] = read;
    return `v = f${i}(s); values[${i}] = typeof v === 'number' ? v : NaN;`;
  });
  checks.forEach((c, k) => {
    constants[`v${k}`] = c!.value;
    constants[`l${k}`] = c!.limit;
    reads.push(`values[${m + 2 * k}] = v${k}(design, rows, s); values[${m + 2 * k + 1}] = l${k}(design, rows, s);`);
  });
  const read = generatedFunction<(design: Design, rows: Rows, s: NodeSizing) => Float64Array>(
    constants,
    ['design', 'rows', 's'],
    `let v;\n${reads.join('\n')}\nreturn values;`,
  );
  // this evaluator's result records: each evaluation rewrites them, and `read` takes its numbers before the next
  const into = leanResults();
  const run = (design: Design, rows: Rows): Float64Array => read(design, rows, sizeNode(design, rows, null, into));
  return { run, senses };
}

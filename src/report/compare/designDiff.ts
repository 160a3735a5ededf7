/**
 * Two evaluated designs side by side (`odc diff`, `odc evaluate --set`, the explorer's comparison of two designs):
 * every budget line `odc evaluate` prints for either (../budget/budget.ts, constellationBudget.ts), with the
 * difference B − A and the relative difference (B − A)/|A| of each number in the line's display unit, and every
 * constraint's value and verdict in both. Lines pair by the record field they show (else by section and label, the
 * n-th of a repeated label with the n-th); a line only one design has reads "—" on the other side. Text lines (a chip
 * count "72 × gb300", a range) show both texts and whether they differ. A number differs when |B − A| exceeds the
 * relative tolerance times max(|A|, |B|) (default 1e-9: float noise of two evaluations is not a difference); the
 * output states the tolerance.
 */
import type { DesignRecord } from '../../node/record/record.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import { fmt } from '../../base/numberFormat.js';
import { budgetSections, row, table, type BudgetSection } from '../budget/budget.js';
import { constellationSections } from '../budget/constellationBudget.js';

export type EvaluatedRecord = DesignRecord | ConstellationRecord;

export interface DiffLine {
  readonly section: string;
  readonly label: string;
  readonly unit: string;
  /** The line's text for each design, null where that design has no such line. */
  readonly a: string | null;
  readonly b: string | null;
  /** B − A in `unit`, when both are numbers. */
  readonly delta: number | null;
  /** (B − A)/|A|: 0 when both are 0, null when A is 0 and B is not (or either is not a number). */
  readonly relative: number | null;
  readonly changed: boolean;
}

export interface ConstraintDiff {
  readonly name: string;
  readonly unit: string;
  /** `<= 1.2` for each design, null where that design has no such constraint. */
  readonly limitA: string | null;
  readonly limitB: string | null;
  readonly a: number | null;
  readonly b: number | null;
  readonly delta: number | null;
  readonly satisfiedA: boolean | null;
  readonly satisfiedB: boolean | null;
  readonly changed: boolean;
}

/** Relative tolerance below which two numbers are the same (float noise of two evaluations is ~1e-15 of them). */
export const DIFF_TOLERANCE = 1e-9;

export interface DesignDiff {
  /** What each side is: a file, a file with edits, `run:knee`. */
  readonly a: string;
  readonly b: string;
  /** A number differs when |B − A| > tolerance × max(|A|, |B|). */
  readonly tolerance: number;
  readonly lines: readonly DiffLine[];
  readonly constraints: readonly ConstraintDiff[];
}

/**
 * The budget sections `odc evaluate` prints for a record; a constellation's shell table first, a line per figure of
 * each shell.
 */
export function recordSections(r: EvaluatedRecord): BudgetSection[] {
  if (r.kind === 'node') return budgetSections(r);
  const shellRows = r.shells.flatMap((s) => [
    row(`${s.name}: altitude`, s.altitude_km, 'km'),
    row(`${s.name}: inclination`, s.inclination_deg, 'deg'),
    row(`${s.name}: pattern, planes × satellites`, `${s.pattern}, ${s.planes} × ${s.satsPerPlane}`, '-'),
    row(`${s.name}: period`, s.period_min, 'min'),
    row(`${s.name}: eclipse fraction`, s.eclipseFraction, '-'),
    row(`${s.name}: links`, `${s.topology} ${s.terminal}`, '-'),
    row(`${s.name}: node launch mass`, s.node.mass.launch_kg, 'kg'),
  ]);
  return [{ title: 'Shells', rows: shellRows }, ...constellationSections(r)];
}

interface Line {
  readonly section: string;
  readonly label: string;
  readonly unit: string;
  readonly value: string;
  readonly x: number | undefined;
}

/** Each line of the sections under its identity: section (without a parenthesis), then record field or label. */
function linesById(sections: readonly BudgetSection[]): Map<string, Line> {
  const out = new Map<string, Line>();
  for (const s of sections) {
    const section = s.title.replace(/ \(.*\)$/, '');
    const seen = new Map<string, number>();
    for (const r of s.rows) {
      const label = r.label.trim();
      const id = r.key ?? label;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      out.set(`${section}\u0000${id}\u0000${n}`, { section, label, unit: r.unit, value: r.value, x: r.x });
    }
  }
  return out;
}

/** B − A and (B − A)/|A| of two numbers (null when either is missing; both NaN: no difference). */
function difference(a: number | undefined, b: number | undefined): { delta: number | null; relative: number | null } {
  if (a === undefined || b === undefined || (Number.isNaN(a) && Number.isNaN(b)))
    return { delta: null, relative: null };
  const delta = a === b ? 0 : b - a;
  return { delta, relative: delta === 0 ? 0 : a === 0 || !Number.isFinite(delta) ? null : delta / Math.abs(a) };
}

/** Whether B − A is a difference: over the relative tolerance of the larger magnitude (NaN against a number: yes). */
function differs(a: number, b: number, delta: number, tolerance: number): boolean {
  return !(Math.abs(delta) <= tolerance * Math.max(Math.abs(a), Math.abs(b)));
}

/** Every line of either design's budget, A's order first, then B's lines A has not. */
function diffLines(a: EvaluatedRecord, b: EvaluatedRecord, tolerance: number): DiffLine[] {
  const la = linesById(recordSections(a));
  const lb = linesById(recordSections(b));
  const ids = [...la.keys(), ...[...lb.keys()].filter((k) => !la.has(k))];
  return ids.map((id) => {
    const x = la.get(id);
    const y = lb.get(id);
    const { delta, relative } = difference(x?.x, y?.x);
    const first = (x ?? y)!;
    return {
      section: first.section,
      // a label carrying a figure (a waterfall step's factor) shows both
      label: x && y && x.label !== y.label ? `${x.label} (B: ${y.label})` : first.label,
      unit: first.unit,
      a: x?.value ?? null,
      b: y?.value ?? null,
      delta,
      relative,
      // a number is compared as a value, within the tolerance; a text line by its text
      changed:
        delta !== null && x?.x !== undefined && y?.x !== undefined
          ? delta !== 0 && differs(x.x, y.x, delta, tolerance)
          : x?.value !== y?.value,
    };
  });
}

/** Every constraint of either design, by name: values, limits, verdicts. */
function diffConstraints(a: EvaluatedRecord, b: EvaluatedRecord, tolerance: number): ConstraintDiff[] {
  const ca = new Map(a.constraints.map((c) => [c.name, c]));
  const cb = new Map(b.constraints.map((c) => [c.name, c]));
  const names = [...ca.keys(), ...[...cb.keys()].filter((k) => !ca.has(k))];
  return names.map((name) => {
    const x = ca.get(name);
    const y = cb.get(name);
    const { delta } = difference(x?.value, y?.value);
    const limit = (c: typeof x): string | null => (c === undefined ? null : `${c.sense} ${fmt(c.limit)}`);
    const moved = delta !== null && delta !== 0 && differs(x!.value, y!.value, delta, tolerance);
    const [limitA, limitB] = [limit(x), limit(y)];
    const [satisfiedA, satisfiedB] = [x?.satisfied ?? null, y?.satisfied ?? null];
    return {
      name,
      unit: (x ?? y)!.unit,
      limitA,
      limitB,
      a: x?.value ?? null,
      b: y?.value ?? null,
      delta,
      satisfiedA,
      satisfiedB,
      changed: moved || limitA !== limitB || satisfiedA !== satisfiedB,
    };
  });
}

/** Design B against design A, every budget line and constraint; `a` and `b` say what each side is. */
export function diffDesigns(
  a: string,
  ra: EvaluatedRecord,
  b: string,
  rb: EvaluatedRecord,
  tolerance = DIFF_TOLERANCE,
): DesignDiff {
  return {
    a,
    b,
    tolerance,
    lines: diffLines(ra, rb, tolerance),
    constraints: diffConstraints(ra, rb, tolerance),
  };
}

/** A signed difference: "+50", "−0.2", "0"; "—" when there is none. */
const signed = (v: number | null): string => (v === null ? '—' : v > 0 ? `+${fmt(v)}` : v < 0 ? `−${fmt(-v)}` : '0');
const relativeText = (v: number | null): string =>
  v === null ? '—' : v === 0 ? '0 %' : `${v > 0 ? '+' : '−'}${fmt(Math.abs(100 * v), 2)} %`;
const verdict = (s: boolean | null): string => (s === null ? '—' : s ? 'ok' : 'VIOLATED');

/** A table of the comparison as text: its heading row (the section's title first), rows, and column alignment. */
export interface DiffTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly align: readonly ('l' | 'r')[];
}

/** The comparison as tables of text (the CLI's and the explorer's): a budget section each, then the constraints. */
export function diffTables(d: DesignDiff, changedOnly = false): DiffTable[] {
  const shown = d.lines.filter((l) => l.changed || !changedOnly);
  const tables = [...new Set(shown.map((l) => l.section))].map((section) => ({
    head: [section, 'A', 'B', 'B − A', 'relative', 'unit'],
    rows: shown
      .filter((l) => l.section === section)
      .map((l) => [
        l.label,
        l.a ?? '—',
        l.b ?? '—',
        // a difference within the tolerance reads 0
        l.delta !== null ? signed(l.changed ? l.delta : 0) : l.changed ? 'differs' : '',
        l.delta !== null ? relativeText(l.changed ? l.relative : 0) : '',
        l.unit,
      ]),
    align: ['l', 'r', 'r', 'r', 'r', 'l'] as const,
  }));
  const constraints = d.constraints.filter((c) => c.changed || !changedOnly);
  if (constraints.length === 0) return tables;
  const rows = constraints.map((c) => [
    c.name,
    c.a === null ? '—' : fmt(c.a),
    c.b === null ? '—' : fmt(c.b),
    signed(c.delta !== null && !c.changed ? 0 : c.delta),
    c.limitA === c.limitB ? (c.limitA ?? '—') : `${c.limitA ?? '—'} / ${c.limitB ?? '—'}`,
    c.unit,
    verdict(c.satisfiedA),
    verdict(c.satisfiedB),
  ]);
  const head = ['Constraints', 'A', 'B', 'B − A', 'limit', 'unit', 'A', 'B'];
  return [...tables, { head, rows, align: ['l', 'r', 'r', 'r', 'r', 'l', 'l', 'l'] }];
}

/** One line on what differs: how many lines and constraints, and which verdicts change. */
export function diffSummary(d: DesignDiff): string {
  const lines = d.lines.filter((l) => l.changed).length;
  // a constraint only one design has changes no verdict
  const flipped = d.constraints
    .filter((c) => c.satisfiedA !== null && c.satisfiedB !== null && c.satisfiedA !== c.satisfiedB)
    .map((c) => c.name);
  const constraints = d.constraints.filter((c) => c.changed).length;
  const within = `numbers within a relative ${d.tolerance} of each other count as the same`;
  if (lines === 0 && constraints === 0)
    return `No difference: every budget line and constraint is the same (${within}).`;
  return (
    `${lines} of ${d.lines.length} budget lines and ${constraints} of ${d.constraints.length} constraints differ; ` +
    `${flipped.length ? `verdicts change: ${flipped.join(', ')}` : 'no verdict changes'} (${within}).`
  );
}

/** The comparison as text: what A and B are, the tables (only what differs with `changedOnly`), the summary. */
export function formatDiff(d: DesignDiff, changedOnly = false): string {
  const tables = diffTables(d, changedOnly).map((t) =>
    table([t.head, ...t.rows.map(([label, ...rest]) => [`  ${label}`, ...rest])], t.align),
  );
  return [`A: ${d.a}`, `B: ${d.b}`, '', ...tables.flatMap((t) => [t, '']), diffSummary(d), ''].join('\n');
}

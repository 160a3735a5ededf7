/**
 * A study's objectives and constraints compiled from its file: each a metric of the record (or, for node studies, a
 * statistic of one over uncertainty samples), checked against the metrics the study may name, with file:line errors;
 * constraints in the g <= 0 form scaled by their limit.
 */
import { StudyError, didYouMean } from '../base/errors.js';
import type { NodeStudy } from './studySchema.js';
import { locate } from '../base/issues.js';
import type { ParsedFile } from '../base/yaml.js';
import { evaluationVector, type ObjectiveSpec } from '../optimize/types.js';
import {
  evaluateExpr,
  ExpressionError,
  parseConstraint,
  parseObjective,
  type Expr,
  type ParsedConstraint,
  type ParsedObjective,
} from './expression.js';

/** g <= 0 form, relative to the limit's magnitude (falls back to an absolute scale of 1 at a zero limit). */
export function scaledViolation(value: number, sense: '<=' | '>=', limit: number): number {
  const scale = Math.abs(limit) > 0 ? Math.abs(limit) : 1;
  return sense === '<=' ? (value - limit) / scale : (limit - value) / scale;
}

/** Which metric paths a study may name, and how to suggest one. */
export interface MetricSet {
  readonly has: (path: string) => boolean;
  readonly hint: (path: string) => string;
  /** What the metrics belong to, for messages ("the design record"). */
  readonly record: string;
  /** Whether objectives and constraints may name statistics over uncertainty samples (node studies). */
  readonly statistics?: boolean;
}

/** Objectives of a study file, each a metric of `metrics` (BAD_OBJECTIVE with file:line otherwise). */
/** A metric may be an objective once: minimizing and maximizing it (or naming it twice) is BAD_OBJECTIVE. */
/**
 * Node studies (`metrics.statistics`) may name a statistic of one metric, `p90(cost.lcoc_USD_per_PFLOP_day)`; the
 * objective's name is then that text without spaces, and `parsedOut` (when given) receives each parsed objective.
 */
export function compileObjectives(
  objectives: NodeStudy['objectives'],
  src: ParsedFile['src'],
  metrics: MetricSet,
  parsedOut?: ParsedObjective[],
): ObjectiveSpec[] {
  const seen = new Map<string, { index: number; sense: 'minimize' | 'maximize' }>();
  return objectives.map((o, i): ObjectiveSpec => {
    const [sense, written] =
      'minimize' in o ? (['minimize', o.minimize] as const) : (['maximize', o.maximize] as const);
    const where = locate(src, ['objectives', i]);
    const fail = (msg: string): never => {
      throw new StudyError('BAD_OBJECTIVE', `${where}: objectives[${i}] ${msg}`, {
        file: src.file,
        field: `objectives[${i}]`,
      });
    };
    let parsed: ParsedObjective = { metric: written, statistic: null, name: written };
    if (!metrics.has(written) && written.includes('(')) {
      try {
        const p = parseObjective(written, { statistics: metrics.statistics === true });
        if (p.statistic !== null) parsed = p; // `(metric)` stays what it was: not a metric name
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        fail(`"${written}": ${e.message}`);
      }
    }
    const name = parsed.name;
    if (!metrics.has(parsed.metric)) {
      fail(
        parsed.statistic === null
          ? `names ${name}, which is not a metric of ${metrics.record}: ${metrics.hint(name)}`
          : `"${written}" names ${parsed.metric}, which is not a metric of ${metrics.record}: ${metrics.hint(parsed.metric)}`,
      );
    }
    parsedOut?.push(parsed);
    const prev = seen.get(name);
    if (prev !== undefined) {
      const why =
        prev.sense === sense
          ? `objectives[${prev.index}] already ${sense}s it; remove one`
          : `objectives[${prev.index}] ${prev.sense}s it: one metric cannot be both minimized and maximized (the two objectives conflict by definition and the front is every design); keep one`;
      throw new StudyError(
        'BAD_OBJECTIVE',
        `${locate(src, ['objectives', i])}: objectives[${i}] ${sense}s ${name}, but ${why}`,
        { file: src.file, field: `objectives[${i}]` },
      );
    }
    seen.set(name, { index: i, sense });
    return { name, sense };
  });
}

/** Constraint expressions of a study file, parsed (never evaluated as code), every reference a metric. */
export function compileConstraints(
  texts: readonly string[],
  src: ParsedFile['src'],
  metrics: MetricSet,
  section: 'constraints' | 'requirements' = 'constraints',
): ParsedConstraint[] {
  return texts.map((text, i) => {
    const where = locate(src, [section, i]);
    let c: ParsedConstraint;
    try {
      c = parseConstraint(text, { statistics: metrics.statistics === true });
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      throw new StudyError('BAD_CONSTRAINT', `${where}: ${section}[${i}] "${text}": ${e.message}`, {
        file: src.file,
        field: `${section}[${i}]`,
      });
    }
    for (const ref of c.refs) {
      if (!metrics.has(ref))
        throw new StudyError(
          'BAD_CONSTRAINT',
          `${where}: ${section}[${i}] "${text}" names ${ref}, which is not a metric of ${metrics.record}: ${metrics.hint(ref)}`,
          { file: src.file, field: `${section}[${i}]` },
        );
    }
    return c;
  });
}

/** A study's select.pick settings (src/run/decision/picks.ts), as the schema reads them. */
interface PickSettings {
  readonly pick?: 'knee' | 'topsis' | 'lexicographic' | undefined;
  readonly weights?: Readonly<Record<string, number>> | undefined;
  readonly order?: readonly string[] | undefined;
  readonly tolerance?: number | undefined;
}

/**
 * select.pick against the study's objectives (BAD_OBJECTIVE with file:line otherwise): topsis needs weights naming
 * objectives, one of them above 0; lexicographic an order of distinct objectives; each parameter only with its pick.
 */
export function checkSelectPick(select: PickSettings | undefined, names: readonly string[], src: ParsedFile['src']) {
  if (select === undefined) return;
  const fail = (at: (string | number)[], msg: string): never => {
    throw new StudyError('BAD_OBJECTIVE', `${locate(src, ['select', ...at])}: select.${at.join('.')} ${msg}`, {
      file: src.file,
      field: `select.${at.join('.')}`,
    });
  };
  const name = (n: string, at: (string | number)[]): void => {
    if (names.includes(n)) return;
    const guess = didYouMean(n, names);
    fail(
      at,
      `names "${n}", not an objective${guess ? ` (did you mean ${guess}?)` : ''}; the objectives are ${names.join(', ')}`,
    );
  };
  const pick = select.pick ?? 'knee';
  if (select.weights !== undefined && pick !== 'topsis') fail(['weights'], 'is read by pick: topsis only');
  if ((select.order !== undefined || select.tolerance !== undefined) && pick !== 'lexicographic')
    fail([select.order !== undefined ? 'order' : 'tolerance'], 'is read by pick: lexicographic only');
  if (pick === 'topsis') {
    const w =
      select.weights ??
      fail(['pick'], 'topsis needs weights: a weight for each objective, e.g. weights: { <objective>: 1 }');
    for (const n of Object.keys(w)) name(n, ['weights', n]);
    if (!Object.values(w).some((x) => x > 0)) fail(['weights'], 'needs a weight above 0');
  }
  if (pick === 'lexicographic') {
    const order = select.order ?? fail(['pick'], 'lexicographic needs order: objectives by name, most important first');
    order.forEach((n, i) => {
      name(n, ['order', i]);
      if (order.indexOf(n) !== i) fail(['order', i], `names ${n} twice`);
    });
  }
}

/** A study's objectives (select.pick checked against them) and constraints, each naming metrics of `metrics`. */
export function compileGoals(
  study: { objectives: NodeStudy['objectives']; constraints: readonly string[]; select?: PickSettings | undefined },
  src: ParsedFile['src'],
  metrics: MetricSet,
): { objectives: ObjectiveSpec[]; parsedObjectives: ParsedObjective[]; parsed: ParsedConstraint[] } {
  const parsedObjectives: ParsedObjective[] = [];
  const objectives = compileObjectives(study.objectives, src, metrics, parsedObjectives);
  checkSelectPick(
    study.select,
    objectives.map((o) => o.name),
    src,
  );
  return { objectives, parsedObjectives, parsed: compileConstraints(study.constraints, src, metrics) };
}

/**
 * A study's reading of one evaluated record (`getter` reads a metric path): its objectives minimized (a maximized
 * metric negated), and its own constraints' g, written into `g` from index `k` (after the physical constraints).
 */
export function recordGoals<R>(
  objectives: readonly ObjectiveSpec[],
  parsed: readonly ParsedConstraint[],
  getter: (path: string) => (rec: R) => number,
): { objectives(rec: R): Float64Array; constraints(rec: R, g: Float64Array, k: number): void } {
  const objectiveGetters = objectives.map((o) => getter(o.name));
  const signs = objectives.map((o) => (o.sense === 'maximize' ? -1 : 1));
  const refGetters = new Map(parsed.flatMap((c) => c.refs).map((r) => [r, getter(r)] as const));
  // a number or a metric read directly (the usual sides: `metric <= 5`), else evaluateExpr's arithmetic
  const side = (e: Expr): ((rec: R) => number) => {
    if (e.op === 'num') {
      const value = e.value;
      return () => value;
    }
    if (e.op === 'ref') return refGetters.get(e.path)!;
    return (rec) => evaluateExpr(e, (p) => refGetters.get(p)!(rec));
  };
  const sides = parsed.map((c) => ({ lhs: side(c.lhs), sense: c.sense, rhs: side(c.rhs) }));
  return {
    objectives(rec) {
      const f = evaluationVector(objectives.length);
      for (let i = 0; i < f.length; i++) f[i] = signs[i]! * objectiveGetters[i]!(rec);
      return f;
    },
    constraints(rec, g, k) {
      // indexed: a for-of allocates an iterator and a result per constraint under --no-turbo-escape (cli/bin.ts)
      for (let j = 0; j < sides.length; j++) {
        const c = sides[j]!;
        g[k++] = scaledViolation(c.lhs(rec), c.sense, c.rhs(rec));
      }
    },
  };
}

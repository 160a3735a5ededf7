/**
 * Parser for user-written constraint expressions such as `mass.launch_kg / 1000 <= 0.5 * launch.mass_kg / 1000 + 0.3`
 * and, in node studies (robust optimization, src/study/robust.ts), statistics over the uncertainty samples such as
 * `p95(mass.launch_kg) <= 8000` or `prob(radiation.missionDose_rad <= radiation.tolerance_rad) >= 0.95`.
 * Grammar (recursive descent; expressions are parsed, never evaluated as code):
 *   constraint := sum ('<=' | '>=' | '<' | '>') sum  |  prob ('<=' | '>=' | '<' | '>') number
 *   sum := product (('+' | '-') product)*      product := unary (('*' | '/') unary)*
 *   unary := '-' unary | atom                  atom := number | metric.path | statistic '(' sum ')' | '(' sum ')'
 *   statistic := 'mean' | 'sd' | 'min' | 'max' | 'p1' … 'p99'
 *   prob := 'prob' '(' sum ('<=' | '>=' | '<' | '>') sum ')'
 * A statistic's argument holds metrics only; `prob(...)` stands alone on the left with a probability literal in
 * [0, 1] on the right. Statistics are refused unless the caller allows them (`{ statistics: true }`: node studies).
 * Bounded input: at most MAX_EXPRESSION_DEPTH nesting, MAX_EXPRESSION_TOKENS tokens, finite number literals.
 * More examples and the input bounds: docs/runs.md §"Constraint expressions".
 */

/** Deepest nesting of parentheses and unary minus signs a constraint may have. */
export const MAX_EXPRESSION_DEPTH = 64;
/** Most numbers, metrics and operators a constraint may have. */
export const MAX_EXPRESSION_TOKENS = 1000;

/**
 * A statistic over the uncertainty samples: mean, sample standard deviation, min, max, or the q-th percentile (type 7).
 */
export type Statistic =
  { readonly kind: 'mean' | 'sd' | 'min' | 'max' } | { readonly kind: 'percentile'; readonly percent: number };

export type Comparison = '<=' | '>=' | '<' | '>';

export type Expr =
  | { readonly op: 'num'; readonly value: number }
  | { readonly op: 'ref'; readonly path: string }
  | { readonly op: 'neg'; readonly arg: Expr }
  | { readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr }
  /** A statistic of `arg` over the samples; `name` as normalized (`p90`, `mean`). */
  | { readonly op: 'stat'; readonly stat: Statistic; readonly name: string; readonly arg: Expr }
  /** Share of the samples in which `lhs cmp rhs` holds (< and > strict). */
  | { readonly op: 'prob'; readonly lhs: Expr; readonly cmp: Comparison; readonly rhs: Expr };

export interface ParsedConstraint {
  readonly text: string;
  readonly lhs: Expr;
  readonly sense: '<=' | '>=';
  readonly rhs: Expr;
  /** Every metric named, inside statistics or not. */
  readonly refs: readonly string[];
  /** Whether the constraint names a statistic or prob(...) (then it needs the uncertainty samples). */
  readonly statistics: boolean;
}

export interface ParseOptions {
  /** Allow statistics and prob(...) (node studies). Default false. */
  readonly statistics?: boolean;
}

export class ExpressionError extends Error {}

/** Statistic names, for messages. */
export const STATISTIC_NAMES = 'mean, sd, min, max and p1 … p99 (percentiles, e.g. p90)';

/** A statistic by name (`p90`, `mean`), or why the name is not one. */
export function statisticByName(name: string): { stat: Statistic; name: string } | { error: string } {
  if (name === 'mean' || name === 'sd' || name === 'min' || name === 'max') return { stat: { kind: name }, name };
  const m = /^p(\d+)$/.exec(name);
  if (m) {
    const percent = Number(m[1]);
    if (percent >= 1 && percent <= 99 && m[1]!.length <= 2)
      return { stat: { kind: 'percentile', percent }, name: `p${percent}` };
    return {
      error: `${name} is not a statistic: percentiles run from p1 to p99 (p90 is the 90th percentile of the samples)`,
    };
  }
  if (name === 'prob')
    return {
      error:
        'prob(...) is a probability constraint, not a statistic of a metric: write prob(<comparison>) >= <probability> as a constraint',
    };
  return {
    error: `unknown statistic "${name}": statistics are ${STATISTIC_NAMES}, and constraints may also use prob(<comparison>) >= <probability>`,
  };
}

type Token =
  | { kind: 'num'; value: number; at: number }
  | { kind: 'ref'; path: string; at: number }
  | { kind: 'sym'; sym: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(<=|>=|<|>|==|[-+*/()]))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m)
      throw new ExpressionError(
        `unexpected character ${JSON.stringify(text.slice(pos).trim()[0])} at column ${pos + 1}`,
      );
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length;
    if (tokens.length >= MAX_EXPRESSION_TOKENS) {
      throw new ExpressionError(
        `expression too long: more than ${MAX_EXPRESSION_TOKENS} numbers, metrics and operators (at column ${at + 1})`,
      );
    }
    if (m[1] !== undefined) {
      const value = Number(m[1]);
      if (!Number.isFinite(value))
        throw new ExpressionError(
          `the number ${m[1]} at column ${at + 1} is too large (beyond ±1.8e308, not a finite number)`,
        );
      tokens.push({ kind: 'num', value, at });
    } else if (m[2] !== undefined) tokens.push({ kind: 'ref', path: m[2], at });
    else tokens.push({ kind: 'sym', sym: m[3]!, at });
    pos = re.lastIndex;
  }
  return tokens;
}

const COMPARISONS = ['<=', '>=', '<', '>', '=='];

/** Recursive-descent parser over the tokens of one text (see the header for the grammar). */
function parser(text: string, opts: ParseOptions): Parser {
  return new Parser(tokenize(text), opts);
}

class Parser {
  private i = 0;
  readonly refs = new Set<string>();
  private depth = 0;
  /** Inside a statistic's argument / inside prob(...): what may not nest there. */
  private inStat = false;
  private inProb = false;
  private statistics = 0;
  private probs = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly opts: ParseOptions,
  ) {}

  counts(): { statistics: number; probs: number } {
    return { statistics: this.statistics, probs: this.probs };
  }

  /**
   * `inner()` one nesting level deeper (a "(" or a unary "-" at token t), refusing more than MAX_EXPRESSION_DEPTH
   * levels.
   */
  private nested<T>(t: Token, inner: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw new ExpressionError(
        `expression nested too deeply: more than ${MAX_EXPRESSION_DEPTH} levels of parentheses and signs (at column ${t.at + 1})`,
      );
    }
    const e = inner();
    this.depth--;
    return e;
  }

  private isSym(s: string): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'sym' && t.sym === s;
  }

  private close(open: Token, what: string): void {
    if (!this.isSym(')')) throw new ExpressionError(`missing ")" for the "(" of ${what} at column ${open.at + 1}`);
    this.i++;
  }

  comparison(): Token & { kind: 'sym' } {
    const cmp = this.tokens[this.i++];
    if (!cmp || cmp.kind !== 'sym' || !COMPARISONS.includes(cmp.sym)) {
      throw new ExpressionError(
        'a constraint needs a comparison: write "<metric> <= <limit>" or "<metric> >= <limit>"',
      );
    }
    if (cmp.sym === '==')
      throw new ExpressionError(
        'equality constraints are not supported: use <= or >= (an optimizer cannot hit an equality on continuous metrics)',
      );
    return cmp;
  }

  /** `name(` at token t: a statistic or prob(...). */
  private call(t: Token & { kind: 'ref' }): Expr {
    const open = this.tokens[this.i++]!;
    const name = t.path;
    if (name.includes('.'))
      throw new ExpressionError(
        `"${name}(" at column ${t.at + 1}: a metric is not a function; statistics are ${STATISTIC_NAMES}`,
      );
    if (!this.opts.statistics) {
      throw new ExpressionError(
        `"${name}(" at column ${t.at + 1}: statistics over uncertainty samples (p90(...), mean(...), prob(...)) are available in node studies only`,
      );
    }
    if (name === 'prob') return this.prob(t, open);
    const found = statisticByName(name);
    if ('error' in found) throw new ExpressionError(`${found.error} (at column ${t.at + 1})`);
    if (this.inStat)
      throw new ExpressionError(
        `${name}(...) at column ${t.at + 1} is inside another statistic: statistics cannot be nested`,
      );
    if (this.inProb)
      throw new ExpressionError(
        `${name}(...) at column ${t.at + 1} is inside prob(...), which compares the values of each sample: a statistic cannot stand there`,
      );
    this.statistics++;
    this.inStat = true;
    const arg = this.nested(open, () => this.sum());
    this.inStat = false;
    this.close(open, found.name);
    return { op: 'stat', stat: found.stat, name: found.name, arg };
  }

  /** `prob(` at token t (open: its "("): a comparison inside, evaluated per sample. */
  private prob(t: Token, open: Token): Expr {
    if (this.inStat || this.inProb)
      throw new ExpressionError(
        `prob(...) at column ${t.at + 1} cannot stand inside ${this.inStat ? 'a statistic' : 'prob(...)'}: write prob(<comparison>) >= <probability>`,
      );
    this.probs++;
    this.inProb = true;
    const e = this.nested(open, (): Expr => {
      const lhs = this.sum();
      const cmp = this.comparison();
      return { op: 'prob', lhs, cmp: cmp.sym as Comparison, rhs: this.sum() };
    });
    this.inProb = false;
    this.close(open, 'prob');
    return e;
  }

  private atom(): Expr {
    const t = this.tokens[this.i++];
    if (!t) throw new ExpressionError('expression ends too early: expected a number, a metric or "("');
    if (t.kind === 'num') return { op: 'num', value: t.value };
    if (t.kind === 'ref') {
      if (this.isSym('(')) return this.call(t);
      this.refs.add(t.path);
      return { op: 'ref', path: t.path };
    }
    if (t.sym === '(') {
      const e = this.nested(t, () => this.sum());
      if (!this.isSym(')')) throw new ExpressionError(`missing ")" for the "(" at column ${t.at + 1}`);
      this.i++;
      return e;
    }
    if (t.sym === '-') return { op: 'neg', arg: this.nested(t, () => this.atom()) };
    throw new ExpressionError(`unexpected "${t.sym}" at column ${t.at + 1}`);
  }

  private product(): Expr {
    let e = this.atom();
    while (this.isSym('*') || this.isSym('/')) {
      const op = (this.tokens[this.i++] as { sym: '*' | '/' }).sym;
      e = { op, left: e, right: this.atom() };
    }
    return e;
  }

  sum(): Expr {
    let e = this.product();
    while (this.isSym('+') || this.isSym('-')) {
      const op = (this.tokens[this.i++] as { sym: '+' | '-' }).sym;
      e = { op, left: e, right: this.product() };
    }
    return e;
  }

  end(what: string): void {
    if (this.i < this.tokens.length)
      throw new ExpressionError(`unexpected text after the ${what} at column ${this.tokens[this.i]!.at + 1}`);
  }
}

export function parseConstraint(text: string, opts: ParseOptions = {}): ParsedConstraint {
  const p = parser(text, opts);
  const lhs = p.sum();
  const cmp = p.comparison();
  const rhs = p.sum();
  p.end('constraint');
  const { statistics, probs } = p.counts();
  if (probs > 0) {
    if (lhs.op !== 'prob' || probs > 1)
      throw new ExpressionError(
        'prob(...) must stand alone on the left of the comparison: write prob(<comparison>) >= <probability>, e.g. prob(mass.launch_kg <= 8000) >= 0.95',
      );
    if (rhs.op !== 'num')
      throw new ExpressionError(
        'the right side of prob(...) must be a probability, a number from 0 to 1: e.g. prob(mass.launch_kg <= 8000) >= 0.95',
      );
    if (!(rhs.value >= 0 && rhs.value <= 1))
      throw new ExpressionError(
        `the probability ${rhs.value} is outside [0, 1]: write a number from 0 to 1, e.g. prob(mass.launch_kg <= 8000) >= 0.95`,
      );
  }
  const sense = cmp.sym === '<=' || cmp.sym === '<' ? '<=' : '>=';
  return { text, lhs, sense, rhs, refs: [...p.refs], statistics: statistics + probs > 0 };
}

/**
 * A study objective: a metric, or (node studies) a statistic of one metric, e.g. `p90(cost.lcoc_USD_per_PFLOP_day)`.
 */
export interface ParsedObjective {
  readonly metric: string;
  readonly statistic: { readonly stat: Statistic; readonly name: string } | null;
  /** The objective's name: the metric, or `<statistic>(<metric>)` without spaces (`p05` written as `p5`). */
  readonly name: string;
}

export function parseObjective(text: string, opts: ParseOptions = {}): ParsedObjective {
  const p = parser(text, opts);
  const e = p.sum();
  p.end('objective');
  if (e.op === 'ref') return { metric: e.path, statistic: null, name: e.path };
  if (e.op === 'stat' && e.arg.op === 'ref')
    return { metric: e.arg.path, statistic: { stat: e.stat, name: e.name }, name: `${e.name}(${e.arg.path})` };
  if (e.op === 'prob')
    throw new ExpressionError(
      'prob(...) is a constraint, not an objective: write it under constraints as prob(<comparison>) >= <probability>',
    );
  throw new ExpressionError(
    `an objective is one metric (cost.lcoc_USD_per_PFLOP_day)${opts.statistics ? ' or a statistic of one metric (p90(cost.lcoc_USD_per_PFLOP_day))' : ''}; ` +
      'write an expression of metrics as a constraint instead',
  );
}

/**
 * Value of an expression: metrics through `lookup`, statistics and prob(...) through `statistic` (the robust
 * evaluator's values over the samples; without it they are an error, as only node studies parse them).
 */
export function evaluateExpr(
  e: Expr,
  lookup: (path: string) => number,
  statistic?: (e: Expr & { op: 'stat' | 'prob' }) => number,
): number {
  switch (e.op) {
    case 'num':
      return e.value;
    case 'ref':
      return lookup(e.path);
    case 'neg':
      return -evaluateExpr(e.arg, lookup, statistic);
    case '+':
      return evaluateExpr(e.left, lookup, statistic) + evaluateExpr(e.right, lookup, statistic);
    case '-':
      return evaluateExpr(e.left, lookup, statistic) - evaluateExpr(e.right, lookup, statistic);
    case '*':
      return evaluateExpr(e.left, lookup, statistic) * evaluateExpr(e.right, lookup, statistic);
    case '/':
      return evaluateExpr(e.left, lookup, statistic) / evaluateExpr(e.right, lookup, statistic);
    case 'stat':
    case 'prob':
      if (statistic === undefined)
        throw new Error(
          `${e.op === 'prob' ? 'prob' : e.name}(...) needs the uncertainty samples of a robust evaluation`,
        );
      return statistic(e);
  }
}

/** Whether `a cmp b` holds (NaN never does). */
export function compare(a: number, cmp: Comparison, b: number): boolean {
  switch (cmp) {
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '>':
      return a > b;
  }
}

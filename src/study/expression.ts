/**
 * Parser for user-written constraint expressions such as
 *   `radiation.missionDose_rad <= radiation.tolerance_rad`
 *   `compute.itPowerAvg_W >= 120000`
 *   `mass.launch_kg / 1000 <= 0.5 * launch.mass_kg / 1000 + 0.3`
 * Grammar (recursive descent; expressions are parsed, never evaluated as code):
 *   constraint := sum ('<=' | '>=' | '<' | '>') sum
 *   sum := product (('+' | '-') product)*      product := unary (('*' | '/') unary)*
 *   unary := '-' unary | atom                  atom := number | metric.path | '(' sum ')'
 * Bounded input: at most MAX_EXPRESSION_DEPTH nested parentheses and signs (the parser recurses only that
 * deep, so 5,000 "(" or 100,000 "-" is an ExpressionError, never a stack overflow), at most
 * MAX_EXPRESSION_TOKENS tokens, and every number literal finite (`1e400` is refused, not read as Infinity).
 */

/** Deepest nesting of parentheses and unary minus signs a constraint may have. */
export const MAX_EXPRESSION_DEPTH = 64;
/** Most numbers, metrics and operators a constraint may have. */
export const MAX_EXPRESSION_TOKENS = 1000;
export type Expr =
  | { readonly op: 'num'; readonly value: number }
  | { readonly op: 'ref'; readonly path: string }
  | { readonly op: 'neg'; readonly arg: Expr }
  | { readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr };

export interface ParsedConstraint {
  readonly text: string;
  readonly lhs: Expr;
  readonly sense: '<=' | '>=';
  readonly rhs: Expr;
  readonly refs: readonly string[];
}

export class ExpressionError extends Error {}

type Token = { kind: 'num'; value: number; at: number } | { kind: 'ref'; path: string; at: number } | { kind: 'sym'; sym: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(<=|>=|<|>|==|[-+*/()]))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new ExpressionError(`unexpected character ${JSON.stringify(text.slice(pos).trim()[0])} at column ${pos + 1}`);
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length;
    if (tokens.length >= MAX_EXPRESSION_TOKENS) {
      throw new ExpressionError(`expression too long: more than ${MAX_EXPRESSION_TOKENS} numbers, metrics and operators (at column ${at + 1})`);
    }
    if (m[1] !== undefined) {
      const value = Number(m[1]);
      if (!Number.isFinite(value)) throw new ExpressionError(`the number ${m[1]} at column ${at + 1} is too large (beyond ±1.8e308, not a finite number)`);
      tokens.push({ kind: 'num', value, at });
    } else if (m[2] !== undefined) tokens.push({ kind: 'ref', path: m[2], at });
    else tokens.push({ kind: 'sym', sym: m[3]!, at });
    pos = re.lastIndex;
  }
  return tokens;
}

export function parseConstraint(text: string): ParsedConstraint {
  const tokens = tokenize(text);
  let i = 0;
  const refs = new Set<string>();
  let depth = 0;
  /** `inner()` one nesting level deeper (a "(" or a unary "-" at token t), refusing more than MAX_EXPRESSION_DEPTH levels. */
  const nested = <T>(t: Token, inner: () => T): T => {
    if (++depth > MAX_EXPRESSION_DEPTH) {
      throw new ExpressionError(`expression nested too deeply: more than ${MAX_EXPRESSION_DEPTH} levels of parentheses and signs (at column ${t.at + 1})`);
    }
    const e = inner();
    depth--;
    return e;
  };
  const peek = (): Token | undefined => tokens[i];
  const isSym = (s: string): boolean => {
    const t = peek();
    return t?.kind === 'sym' && t.sym === s;
  };
  const atom = (): Expr => {
    const t = tokens[i++];
    if (!t) throw new ExpressionError('expression ends too early: expected a number, a metric or "("');
    if (t.kind === 'num') return { op: 'num', value: t.value };
    if (t.kind === 'ref') {
      refs.add(t.path);
      return { op: 'ref', path: t.path };
    }
    if (t.sym === '(') {
      const e = nested(t, sum);
      if (!isSym(')')) throw new ExpressionError(`missing ")" for the "(" at column ${t.at + 1}`);
      i++;
      return e;
    }
    if (t.sym === '-') return { op: 'neg', arg: nested(t, atom) };
    throw new ExpressionError(`unexpected "${t.sym}" at column ${t.at + 1}`);
  };
  const product = (): Expr => {
    let e = atom();
    while (isSym('*') || isSym('/')) {
      const op = (tokens[i++] as { sym: '*' | '/' }).sym;
      e = { op, left: e, right: atom() };
    }
    return e;
  };
  const sum = (): Expr => {
    let e = product();
    while (isSym('+') || isSym('-')) {
      const op = (tokens[i++] as { sym: '+' | '-' }).sym;
      e = { op, left: e, right: product() };
    }
    return e;
  };
  const lhs = sum();
  const cmp = tokens[i++];
  if (!cmp || cmp.kind !== 'sym' || !['<=', '>=', '<', '>', '=='].includes(cmp.sym)) {
    throw new ExpressionError('a constraint needs a comparison: write "<metric> <= <limit>" or "<metric> >= <limit>"');
  }
  if (cmp.sym === '==') throw new ExpressionError('equality constraints are not supported: use <= or >= (an optimizer cannot hit an equality on continuous metrics)');
  const rhs = sum();
  if (i < tokens.length) throw new ExpressionError(`unexpected text after the constraint at column ${tokens[i]!.at + 1}`);
  const sense = cmp.sym === '<=' || cmp.sym === '<' ? '<=' : '>=';
  return { text, lhs, sense, rhs, refs: [...refs] };
}

export function evaluateExpr(e: Expr, lookup: (path: string) => number): number {
  switch (e.op) {
    case 'num':
      return e.value;
    case 'ref':
      return lookup(e.path);
    case 'neg':
      return -evaluateExpr(e.arg, lookup);
    case '+':
      return evaluateExpr(e.left, lookup) + evaluateExpr(e.right, lookup);
    case '-':
      return evaluateExpr(e.left, lookup) - evaluateExpr(e.right, lookup);
    case '*':
      return evaluateExpr(e.left, lookup) * evaluateExpr(e.right, lookup);
    case '/':
      return evaluateExpr(e.left, lookup) / evaluateExpr(e.right, lookup);
  }
}

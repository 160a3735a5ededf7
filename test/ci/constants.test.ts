/**
 * Test hygiene: each physical constant the tests use is defined once, in test/helpers/constants.ts with its source.
 * A variable of test/ (tests, their fixtures, benches, generators) initialized with a literal of one of those values
 * outside test/helpers/ fails here; import the constant instead (`import { EARTH_RADIUS_m as RE } from ...`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as constants from '../helpers/constants.js';

const VALUES = Object.values(constants).filter((v): v is number => typeof v === 'number');

/** The value of a numeric literal, negated or parenthesized; undefined for any other expression. */
function literalValue(node: ts.Expression): number | undefined {
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, ''));
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const v = literalValue(node.operand);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/** `line: name` of each variable in `text` initialized with a literal of one of `values` (to 1e-12) or its negative. */
function redefinitions(text: string, values: readonly number[]): string[] {
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer !== undefined) {
      const v = literalValue(node.initializer);
      if (v !== undefined && values.some((c) => Math.abs(Math.abs(v) - Math.abs(c)) <= 1e-12 * Math.abs(c))) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`${line}: ${node.name.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('physical constants are defined once, in test/helpers/constants.ts', () => {
  it('finds a literal redefinition, in m or km, negated, with separators or in a list; not a use or a string', () => {
    const text = [
      'const MU = 3.986004418e14;', // 1
      'const a = 8e6,', // 2
      '  R_km = 6378.137;', // 3: the km form
      'let c = 299_792_458;', // 4
      'const x = MU * 2;', // 5: a use
      "const s = 'const G0 = 9.80665;';", // 6: a string
      'function f() {', // 7
      '  const g = -(9.80665);', // 8: nested, negated, parenthesized
      '  return g;', // 9
      '}', // 10
      'const RE = 6378137.0000001;', // 11: 1.6e-14 relative: the same value
      'const near = 6378138;', // 12: another value
    ].join('\n');
    expect(redefinitions(text, VALUES)).toEqual(['1: MU', '3: R_km', '4: c', '8: g', '11: RE']);
  });

  it('no file of test/ outside test/helpers/ defines one again', () => {
    const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
      .map((f) => join('test', f).split('\\').join('/'))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('test/helpers/'));
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((f) => redefinitions(readFileSync(f, 'utf8'), VALUES).map((d) => `${f}:${d}`));
    expect(found, 'import these from test/helpers/constants.ts instead').toEqual([]);
  });
});

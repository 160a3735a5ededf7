import { describe, expect, it } from 'vitest';
import { evaluateExpr, parseConstraint } from '../../src/study/expression.js';

const values: Record<string, number> = { 'a.x_W': 120000, 'b.y_rad': 3000, 'b.z_rad': 20000 };
const lookup = (p: string): number => values[p]!;

describe('constraint expressions', () => {
  it('parses metric <= metric', () => {
    const c = parseConstraint('b.y_rad <= b.z_rad');
    expect(c.sense).toBe('<=');
    expect(c.refs).toEqual(['b.y_rad', 'b.z_rad']);
    expect(evaluateExpr(c.lhs, lookup)).toBe(3000);
  });

  it('honours precedence, parentheses, unary minus and exponents', () => {
    const c = parseConstraint('a.x_W / 1e3 - (2 + 3) * 2 >= -4');
    expect(evaluateExpr(c.lhs, lookup)).toBeCloseTo(110, 12);
    expect(evaluateExpr(c.rhs, lookup)).toBe(-4);
    expect(c.sense).toBe('>=');
  });

  it('treats < and > as <= and >= (continuous metrics)', () => {
    expect(parseConstraint('a.x_W < 5').sense).toBe('<=');
    expect(parseConstraint('a.x_W > 5').sense).toBe('>=');
  });

  it.each([
    ['a.x_W', /needs a comparison/],
    ['a.x_W == 5', /equality constraints are not supported/],
    ['a.x_W <= (5', /missing "\)"/],
    ['a.x_W <= 5 5', /unexpected text/],
    ['a.x_W <= 5; process.exit()', /unexpected character/],
  ])('rejects %s with a clear message', (text, message) => {
    expect(() => parseConstraint(text)).toThrow(message);
  });
});

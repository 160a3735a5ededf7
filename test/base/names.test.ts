import { describe, expect, it } from 'vitest';
import { PRINTABLE } from '../../src/base/names.js';

describe('PRINTABLE (names written into reports, files and terminals)', () => {
  it.each([
    ['NUL', '\u0000'],
    ['tab', '\t'],
    ['newline', '\n'],
    ['escape', '\u001b'],
    ['DEL', '\u007f'],
    ['next line (C1, U+0085)', '\u0085'],
    ['right-to-left override (U+202E)', '\u202e'],
    ['left-to-right embedding (U+202A)', '\u202a'],
    ['first strong isolate (U+2068)', '\u2068'],
    ['pop directional isolate (U+2069)', '\u2069'],
    ['right-to-left mark (U+200F)', '\u200f'],
    ['arabic letter mark (U+061C)', '\u061c'],
    ['zero-width space (U+200B)', '\u200b'],
    ['zero-width joiner (U+200D)', '\u200d'],
    ['word joiner (U+2060)', '\u2060'],
    ['byte-order mark (U+FEFF)', '\ufeff'],
    ['line separator (U+2028)', '\u2028'],
    ['paragraph separator (U+2029)', '\u2029'],
  ])('refuses a name with a %s', (_, c) => {
    expect(PRINTABLE.test(`invoice${c}gpj.exe`)).toBe(false);
    expect(PRINTABLE.test(c)).toBe(false);
  });

  it('accepts names in any script, with punctuation, symbols and spaces', () => {
    for (const name of [
      'AI1 120–150 kW',
      'Three-Body 三体 星座',
      'München-Süd',
      'Ωmega (β) & co.',
      'Спутник',
      'دار',
      '',
    ])
      expect(PRINTABLE.test(name), name).toBe(true);
  });
});

/**
 * The `odc/file-header` lint rule (eslint.config.js): every file of src/ and solvers/ opens with a header comment
 * of at most MAX_HEADER_LINES lines, after a shebang if it has one. Checked on small texts through ESLint's Linter.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fileHeader, MAX_HEADER_LINES } from '../../eslint.config.js';

const lint = (text: string): string[] =>
  new Linter({ configType: 'flat' })
    .verify(text, [
      { plugins: { odc: { rules: { 'file-header': fileHeader } } }, rules: { 'odc/file-header': 'error' } },
    ])
    .map((m) => m.message);

const header = (lines: number): string =>
  ['/**', ...Array.from({ length: lines - 2 }, (_, i) => ` * line ${i + 1}`), ' */'].join('\n');

describe('odc/file-header', () => {
  it('accepts a header of exactly the limit, and one after a shebang', () => {
    expect(MAX_HEADER_LINES).toBe(20);
    expect(lint(`${header(20)}\nexport const a = 1;\n`)).toEqual([]);
    expect(lint(`#!/usr/bin/env node\n${header(5)}\nexport const a = 1;\n`)).toEqual([]);
  });

  it('refuses a header one line over the limit, naming its length', () => {
    const messages = lint(`${header(21)}\nexport const a = 1;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Header of 21 lines: keep it to 20/);
  });

  it('refuses a file that opens with code, or whose first comment comes later', () => {
    expect(lint('export const a = 1;\n')).toEqual(['Open the file with a header comment.']);
    expect(lint('export const a = 1;\n/** late */\n')).toEqual(['Open the file with a header comment.']);
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisDir, prepareAnalysisDir, SUMMARY_FILE, writeAnalysisFiles } from '../../src/analysis/folder.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-analysis-folder-');

describe('analysis result folders', () => {
  it('default name: results/<slug>/<kind>-<yyyymmdd-hhmmssZ>-seed<seed>, then -2, -3 when taken', () => {
    const now = new Date('2026-01-02T03:04:05.678Z');
    const name = `folder test ${process.pid}`; // slug: spaces become '-'
    const base = join('results', `folder-test-${process.pid}`, 'uncertainty-20260102-030405Z-seed7');
    try {
      expect(defaultAnalysisDir('uncertainty', name, 7, now)).toBe(base);
      mkdirSync(base, { recursive: true });
      expect(defaultAnalysisDir('uncertainty', name, 7, now)).toBe(`${base}-2`);
      mkdirSync(`${base}-2`);
      expect(defaultAnalysisDir('uncertainty', name, 7, now)).toBe(`${base}-3`);
      expect(defaultAnalysisDir('sensitivity', name, 8, now)).toBe(
        join('results', `folder-test-${process.pid}`, 'sensitivity-20260102-030405Z-seed8'),
      );
    } finally {
      rmSync(join('results', `folder-test-${process.pid}`), { recursive: true, force: true });
    }
  });

  it('a new, an empty or a same-kind folder may be written; a file or a foreign folder is refused', () => {
    const fresh = join(dir, 'new', 'deeper');
    prepareAnalysisDir(fresh, 'uncertainty', []);
    expect(existsSync(fresh)).toBe(true);
    prepareAnalysisDir(fresh, 'sensitivity', []); // empty: any kind
    const same = join(dir, 'same');
    mkdirSync(same);
    writeFile(same, SUMMARY_FILE, JSON.stringify({ kind: 'sensitivity' }));
    prepareAnalysisDir(same, 'sensitivity', []);
    const other = studyErrorOf(() => prepareAnalysisDir(same, 'uncertainty', []));
    expect(other.code).toBe('BAD_RUN_DIR');
    expect(other.message).toBe(
      `--out ${same} is not empty and holds no earlier odc uncertainty result; choose a new or empty folder (odc writes only its own result folders)`,
    );
    for (const [name, text] of [
      ['garbled', '{ not json'],
      ['nokind', '{"kinds": "uncertainty"}'],
      ['numeric', '{"kind": 1}'],
      ['null', 'null'],
    ] as const) {
      const d = join(dir, name);
      mkdirSync(d);
      writeFile(d, SUMMARY_FILE, text);
      expect(studyErrorOf(() => prepareAnalysisDir(d, 'uncertainty', [])).code, name).toBe('BAD_RUN_DIR');
    }
    const stray = join(dir, 'stray');
    mkdirSync(stray);
    writeFile(stray, 'notes.txt', 'mine');
    expect(studyErrorOf(() => prepareAnalysisDir(stray, 'uncertainty', [])).code).toBe('BAD_RUN_DIR');
    const file = writeFile(dir, 'a-file', 'x');
    const e = studyErrorOf(() => prepareAnalysisDir(file, 'uncertainty', []));
    // the one message of every folder writer (src/base/outputTarget.ts)
    expect([e.code, e.message]).toEqual([
      'BAD_ARGUMENT',
      `--out ${file} is a file, not a folder: give a folder path (it is created if missing)`,
    ]);
  });

  it("a rewrite removes the earlier result's own files (plots included) and keeps anything else", () => {
    const d = join(dir, 'rewrite');
    mkdirSync(d);
    for (const f of [
      'report.html',
      'report.md',
      'samples.csv',
      SUMMARY_FILE,
      'old-plot.svg',
      'keep.txt',
      'Upper.svg',
      'report.md.orig',
    ])
      writeFile(d, f, 'old');
    const paths = writeAnalysisFiles(d, [
      { name: SUMMARY_FILE, content: '{"kind":"uncertainty"}' },
      {
        name: 'samples.csv',
        content: (sink) => {
          sink('a,b\n');
          sink('1,2\n');
        },
      },
      { name: 'report.html', content: '<html>' },
    ]);
    expect(paths).toEqual([join(d, SUMMARY_FILE), join(d, 'samples.csv'), join(d, 'report.html')]);
    // own files are exact names (or lower-case .svg plots): a user's copy such as report.md.orig stays
    expect(readdirSync(d).sort()).toEqual([
      'Upper.svg',
      'keep.txt',
      'report.html',
      'report.md.orig',
      'samples.csv',
      SUMMARY_FILE,
    ]);
    expect(readFileSync(join(d, 'samples.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toBe('<html>');
  });
});

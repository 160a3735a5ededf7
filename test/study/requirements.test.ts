/**
 * A design file's `requirements:` (src/study/requirements.ts): one naming no metric is a user error naming its file,
 * line and entry, with the closest metric names. The requirements `odc export` writes and `odc evaluate` checks are
 * tested with the export (test/run/export/export.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { evaluateNodeFile } from '../../src/study/requirements.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-requirements-');

describe('requirements of a node design file', () => {
  it('a requirement naming no metric is BAD_CONSTRAINT naming the file, line and requirement', () => {
    const file = join(dir, 'bad-req.yaml');
    writeFileSync(file, ['name: bad', 'kind: node', 'requirements:', '  - compute.itPower_W >= 1', ''].join('\n'));
    try {
      evaluateNodeFile(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StudyError);
      expect((e as StudyError).code).toBe('BAD_CONSTRAINT');
      expect((e as Error).message).toContain(`${file}:4`);
      expect((e as Error).message).toContain('requirements[0]');
      expect((e as Error).message).toMatch(/did you mean compute\.itPower(Avg|Peak)_W/);
    }
  });
});

describe('a requirement that divides by zero', () => {
  const withRequirements = (name: string, reqs: string[]): string => {
    const file = join(dir, name);
    writeFileSync(file, ['name: div0', 'kind: node', 'requirements:', ...reqs.map((r) => `  - '${r}'`), ''].join('\n'));
    return file;
  };

  it('is not met, and says why in words, whichever side and sense', () => {
    const { record } = evaluateNodeFile(
      withRequirements('div0.yaml', ['compute.chips / 0 <= 1', 'compute.chips / 0 >= 1', '1 <= 0 / 0']),
    );
    const reqs = record.constraints.filter((c) => c.name.includes('/ 0'));
    expect(reqs.map((c) => c.name)).toEqual(['compute.chips / 0 <= 1', 'compute.chips / 0 >= 1', '1 <= 0 / 0']);
    // x/0 >= 1 would otherwise hold with an infinite margin
    for (const c of reqs) expect(c.satisfied, c.name).toBe(false);
    expect(reqs[0]!.description).toMatch(/^n\/a: the left side of compute\.chips \/ 0 <= 1 is not a finite number/);
    expect(reqs[2]!.description).toMatch(/^n\/a: the right side of 1 <= 0 \/ 0 is not a finite number/);
  });
});

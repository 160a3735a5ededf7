/**
 * An exported node design carries its study's constraints as `requirements:`, and `odc evaluate` checks them: the knee
 * of a small flagship run meets all four (it is feasible), and the same file with the links taken off misses
 * `isl.capacity_Gbps >= 400`, which `odc evaluate` reports as VIOLATED. Constraints over uncertainty samples are
 * named in the header and not carried; a requirement naming no metric is a user error naming its line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../../src/base/errors.js';
import { buildProgram } from '../../../src/entries/cli/main.js';
import { designYaml, exportDesign } from '../../../src/report/export/export.js';
import { evaluateNodeFile, REQUIREMENT_DESCRIPTION } from '../../../src/study/requirements.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../helpers.js';

const tmp = tempDir('odc-export-req-');
let run: string;

beforeAll(async () => {
  run = await tinyRun(tmp, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
}, 600_000);

async function evaluateCli(file: string): Promise<{ code: number; out: string }> {
  let out = '';
  const program = buildProgram({
    out: (s) => void (out += s),
    err: () => undefined,
    errStream: process.stderr,
    isTTY: false,
  });
  try {
    await program.parseAsync(['evaluate', file], { from: 'user' });
    return { code: 0, out };
  } catch (e) {
    return { code: e instanceof StudyError ? 2 : 1, out: out + (e as Error).message };
  }
}

/** The flagship study's constraints, as written in designs/flagship-study.yaml. */
const FLAGSHIP_CONSTRAINTS = [
  'compute.itPowerAvg_W >= 120000',
  'compute.itPowerPeak_W <= 150000',
  'drag.passiveDecay_yr <= 5',
  'isl.capacity_Gbps >= 400',
];

describe('exported requirements', () => {
  it('the exported knee carries the study constraints and meets them; without links it violates one', async () => {
    const out = join(tmp, 'knee.yaml');
    const r = exportDesign(run, { design: 'knee', format: 'yaml', out });
    const doc = parseDocument(readFileSync(out, 'utf8'));
    expect(doc.toJS().requirements).toEqual(FLAGSHIP_CONSTRAINTS);

    const { record } = evaluateNodeFile(out);
    const reqs = record.constraints.filter((c) => c.description === REQUIREMENT_DESCRIPTION);
    expect(reqs.map((c) => c.name)).toEqual(FLAGSHIP_CONSTRAINTS);
    expect(reqs.every((c) => c.satisfied)).toBe(true); // the knee is a feasible design of the study
    // value = the metric of the record, limit = the number written; margin (value − limit)/|limit| for >=.
    const power = reqs[0]!;
    expect(power.value).toBe(record.compute.itPowerAvg_W);
    expect(power.limit).toBe(120000);
    expect(power.margin).toBeCloseTo((record.compute.itPowerAvg_W - 120000) / 120000, 12);
    expect(power.unit).toBe('W');
    // The stored record's metrics are what the requirements read.
    const stored = r.design.record as { compute: { itPowerAvg_W: number } };
    expect(power.value).toBe(stored.compute.itPowerAvg_W);

    // No inter-satellite links: zero ISL capacity, below the 400 Gbps requirement.
    doc.setIn(['isl', 'topology'], 'none');
    const noLinks = join(tmp, 'knee-no-links.yaml');
    writeFileSync(noLinks, doc.toString());
    const cli = await evaluateCli(noLinks);
    expect(cli.code).toBe(0);
    const line = cli.out.split('\n').find((l) => l.trimStart().startsWith('isl.capacity_Gbps >= 400'));
    expect(line).toMatch(/VIOLATED$/);
    expect(cli.out).toMatch(/constraint\(s\) violated: .*isl\.capacity_Gbps >= 400/);
  });

  it('does not carry statistics over uncertainty samples, and says so in the header', () => {
    const study = [
      'name: s',
      'kind: node',
      'variables: { compute.chips: { int: [20, 100] } }',
      'objectives: [{ minimize: mass.launch_kg }]',
      'constraints:',
      '  - p95(mass.launch_kg) <= 8000',
      '  - compute.itPowerAvg_W >= 1',
      '',
    ].join('\n');
    const text = designYaml(study, { index: 3, variables: { 'compute.chips': 40 }, objectives: {} }, 'r', 'knee');
    const doc = parseDocument(text);
    expect(doc.toJS().requirements).toEqual(['compute.itPowerAvg_W >= 1']);
    expect(text).toContain(
      'Not carried (statistics over uncertainty samples, which one evaluation has not): p95(mass.launch_kg) <= 8000',
    );
  });

  it('a requirement naming no metric is BAD_CONSTRAINT naming the file, line and requirement', () => {
    const file = join(tmp, 'bad-req.yaml');
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

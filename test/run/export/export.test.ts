/**
 * `odc export` (src/run/export/export.ts). A record flattens to one CSV row. A TLE or qs.mag export past the
 * Alpha-5 catalog numbers (339,999; 240,000 satellites from the default base 100,000) is the user's choice of format,
 * not a bug: exit 2 with the limit and the alternative, and no partial file left behind. An exported node design
 * carries its study's constraints as `requirements:`, and `odc evaluate` checks them: the knee of a small flagship run
 * meets all four (it is feasible), and the same file with the links taken off misses `isl.capacity_Gbps >= 400`,
 * which `odc evaluate` reports as VIOLATED. Constraints over uncertainty samples are named in the header and not
 * carried.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../../src/base/errors.js';
import { buildProgram } from '../../../src/entries/cli/main.js';
import { runStudy } from '../../../src/index.js';
import { designYaml, exportDesign, flattenRecord } from '../../../src/run/export/export.js';
import { evaluateNodeFile, REQUIREMENT_DESCRIPTION } from '../../../src/study/requirements.js';
import { odc } from '../../helpers/cli.js';
import { writeFile } from '../../helpers/tmp.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../../report/helpers.js';

const dir = tempDir('export');

describe('flattenRecord (one CSV row of a record)', () => {
  it('writes a warning list as its codes and messages, never [object Object]', () => {
    const flat = new Map(
      flattenRecord({
        warnings: [
          { code: 'POWER_DENSITY', message: 'above anything flown' },
          { code: 'MASS', message: 'light' },
        ],
      }),
    );
    expect(flat.get('warnings')).toBe('POWER_DENSITY: above anything flown | MASS: light');
  });

  it('writes other unnamed objects in a list as JSON, primitives as text', () => {
    const flat = new Map(flattenRecord({ notes: ['a', 'b'], pairs: [{ a: 1 }, { b: 'x' }], empty: [] }));
    expect(flat.get('notes')).toBe('a | b');
    expect(flat.get('pairs')).toBe('{"a":1} | {"b":"x"}');
    expect(flat.get('empty')).toBe('');
  });

  it('keys named lists by name and nests objects with dots', () => {
    const flat = flattenRecord({
      orbit: { altitude_km: 550 },
      constraints: [{ name: 'power.arrayArea', margin: 0.1 }],
    });
    expect(flat).toEqual([
      ['orbit.altitude_km', 550],
      ['constraints[power.arrayArea].margin', 0.1],
    ]);
  });
});

describe('odc export --format tle and qsmag past the Alpha-5 limit', () => {
  it('250,000 satellites: exit 2 naming the limit and OMM, no file written', async () => {
    const study = writeFile(
      dir,
      'big.yaml',
      `name: big
kind: constellation
node: ${resolve('designs/ai1.yaml')}
nodeSizing: closed
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 500, satsPerPlane: 500, phasing: 1 }
isl: { topology: none }
simulation: { duration_h: 0.5, step_s: 600, snapshots: 1 }
environment: { minSeparation_km: 0.001 }
variables:
  shells.a.altitude_km: [540, 560]
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: totals.deliveredPFLOPS
algorithm: { name: nsga2, population: 4, generations: 1, seed: 1 }
`,
    );
    const run = (await runStudy({ studyPath: study, outDir: join(dir, 'run') })).runDir;
    const out = join(dir, 'big.tle');
    const r = await odc('export', run, '--design', 'knee', '--format', 'tle', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '--format tle: 250000 satellites from catalog number 700000000 exceed the TLE limit 339999 (Alpha-5); export OMM instead',
    );
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('big.tle'))).toEqual([]);
    const mag = join(dir, 'big.qsmag');
    const q = await odc('export', run, '--design', 'knee', '--format', 'qsmag', '--out', mag);
    expect(q.code).toBe(2);
    expect(q.err).toContain(
      '--format qsmag: 250000 satellites from catalog number 700000000 exceed the TLE limit 339999 (Alpha-5); export OMM',
    );
    expect(existsSync(mag)).toBe(false);
  });
});

/** `odc evaluate <file>` in-process: exit code (2 for a StudyError) and what it printed. */
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
  'environment.catalogueApproaches_per_sat_yr <= 20000',
];

describe('exported requirements', () => {
  let run: string;
  beforeAll(async () => {
    run = await tinyRun(dir, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
  }, 600_000);

  it('the exported knee carries the study constraints and meets them; without links it violates one', async () => {
    const out = join(dir, 'knee.yaml');
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
    const noLinks = join(dir, 'knee-no-links.yaml');
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
});

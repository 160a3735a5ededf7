import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { designRecordJsonSchema } from '../../../src/node/record/recordSchema.js';
import { constellationJsonSchema, designJsonSchema } from '../../../src/report/export/jsonSchema.js';
import { constellationRecordJsonSchema } from '../../../src/constellation/record/recordSchema.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { benchmarkStudy } from '../../helpers/benchmarkStudy.js';
import { runMetaSchema } from '../../../src/run/schemas.js';
import { selectDesign } from '../../../src/run/decision/decision.js';

const recordSchemaFile = JSON.parse(
  readFileSync(new URL('../../../designs/schema/design-record.schema.json', import.meta.url), 'utf8'),
);
const designSchemaFile = JSON.parse(
  readFileSync(new URL('../../../designs/schema/design.schema.json', import.meta.url), 'utf8'),
);
const constellationSchemaFile = JSON.parse(
  readFileSync(new URL('../../../designs/schema/constellation.schema.json', import.meta.url), 'utf8'),
);
const constellationRecordSchemaFile = JSON.parse(
  readFileSync(new URL('../../../designs/schema/constellation-record.schema.json', import.meta.url), 'utf8'),
);

/** `odc evaluate <file>`: exit 0, each section heading on a line of its own; what it printed. */
async function evaluatePrints(file: string, sections: readonly string[]): Promise<{ out: string }> {
  const r = await odc('evaluate', file);
  expect(r.code).toBe(0);
  for (const s of sections) expect(r.out).toContain(`\n${s}\n`);
  return r;
}

/** `odc evaluate <file> --json`: exit 0 and a record that validates against `schema`; the record. */
async function evaluateJson(file: string, schema: object): Promise<ReturnType<typeof JSON.parse>> {
  const r = await odc('evaluate', file, '--json');
  expect(r.code).toBe(0);
  const record = JSON.parse(r.out);
  const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
  expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  return record;
}

describe('odc evaluate', () => {
  it('prints every budget section and the constraint table', async () => {
    const r = await evaluatePrints('designs/ai1.yaml', [
      'Orbit',
      'Compute',
      'Power',
      'Thermal',
      'Radiation',
      'Drag and disposal',
      'Inter-satellite links',
      'Mass',
      'Cost',
      'Constraints',
    ]);
    expect(r.out).toMatch(/cost of delivered compute, first unit\s+[\d,.]+\s+USD\/PFLOP-day/);
    // the cost where the verdict stands comes first: lines, $/W and $/chip-hour beside the ground's, drivers
    // ai1.yaml states its programme: 8,334 nodes at SMAD's 0.85 (> 50 units)
    const title = '\nCost breakdown (one node, first unit; the verdict prices 8,334 nodes, learning rate 0.85)\n';
    expect(r.out.indexOf(title)).toBeGreaterThan(0);
    expect(r.out.indexOf(title)).toBeLessThan(r.out.indexOf('\nOrbit\n'));
    expect(r.out).toMatch(/verdict moves most with \(\+10 % each\)/);
  });

  it('--json prints a record that validates against the committed JSON Schema', async () => {
    const record = await evaluateJson('designs/ai1.yaml', recordSchemaFile);
    for (const key of [
      'orbit.eclipseFraction',
      'thermal.requiredRadiatorArea_m2',
      'drag.passiveDecay_yr',
      'cost.lcoc_USD_per_PFLOP_day',
    ]) {
      const [s, k] = key.split('.') as [string, string];
      expect(typeof record[s][k]).toBe('number');
    }
  });

  it('the committed JSON Schemas are the ones the code generates', () => {
    expect(recordSchemaFile).toEqual(JSON.parse(JSON.stringify(designRecordJsonSchema())));
    expect(designSchemaFile).toEqual(JSON.parse(JSON.stringify(designJsonSchema())));
    expect(constellationSchemaFile).toEqual(JSON.parse(JSON.stringify(constellationJsonSchema())));
    expect(constellationRecordSchemaFile).toEqual(JSON.parse(JSON.stringify(constellationRecordJsonSchema())));
  });

  it('bad input exits 2 with one message naming the file and field, and no stack trace', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'bad.yaml', 'name: x\norbit: { altitude_km: 5000 }\n');
    const r = await odc('evaluate', f);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.yaml:2:');
    expect(r.err).toContain('orbit.altitude_km');
    expect(r.err).not.toMatch(/\n\s+at /);
    const missing = await odc('evaluate', 'designs/nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('file not found');
  });

  it('a mistyped design path exits 2 naming the nearest existing design file', async () => {
    // designs/ai1.yaml is one edit from designs/ai.yaml; flagship-studdy one edit from flagship-study
    const typo = await odc('evaluate', 'designs/ai.yaml');
    expect(typo.code).toBe(2);
    expect(typo.err).toBe('odc: designs/ai.yaml: file not found; did you mean designs/ai1.yaml?\n');
    expect((await odc('run', 'designs/flagship-studdy.yaml')).err).toContain(
      'did you mean designs/flagship-study.yaml?',
    );
    // the same name one folder down
    expect((await odc('evaluate', 'designs/suncatcher-81.yaml')).err).toContain(
      'did you mean designs/constellations/suncatcher-81.yaml?',
    );
    // nothing near: no guess
    const far = await odc('evaluate', 'designs/zzzzzzzzzz.yaml');
    expect(far.code).toBe(2);
    expect(far.err).not.toContain('did you mean');
  });

  it('an unknown command or option exits 2', async () => {
    expect((await odc('evalute', 'designs/ai1.yaml')).code).toBe(2);
    expect((await odc('run', 'designs/flagship-study.yaml', '--workers', 'two')).code).toBe(2);
  });
});

describe('odc evaluate on a constellation', () => {
  it('prints shells, links, network, ground, launch, totals and constraints', async () => {
    const r = await evaluatePrints('designs/constellations/three-body-12.yaml', [
      'Shells',
      'Inter-satellite links',
      'Network',
      'Ground segment',
      'Launch campaign',
      'Orbital environment',
      'Totals',
      'Constraints',
    ]);
    expect(r.out).toContain('three-body-12 — constellation budget (12 satellites)');
    expect(r.out).toMatch(/\nCost breakdown \(12 satellites, one generation[^\n]*\)\n/);
  });

  it('--json prints a record with the documented keys that validates against the committed schema', async () => {
    const record = await evaluateJson('designs/constellations/three-body-12.yaml', constellationRecordSchemaFile);
    expect(record.kind).toBe('constellation');
    expect(record.satellites).toBe(12);
    // three-body-12's ring has an instant with no gateway in view: nothing is carried then, the bottleneck is unbounded
    // (null)
    expect(record.network.minThroughputPerNode_Gbps).toBe(0);
    expect(record.network.bottleneckUtilization).toBeNull();
    expect(record.network.throughputPerNode_Gbps).toBeGreaterThan(0); // the mean over instants is not
    const keys = [
      'isl.links',
      'isl.blockedLinks',
      'network.throughputPerNode_Gbps',
      'network.meanHops',
      'network.p99Latency_ms',
      'ground.contactFraction',
      'ground.maxGap_min',
      'ground.downlink_TB_per_day',
      'launch.launches',
      'launch.campaign_yr',
      'environment.density_per_km3',
      'environment.minSeparation_km',
      'totals.itPowerAvg_W',
      'totals.deliveredPFLOPS',
      'totals.launchMass_kg',
      'totals.cost_USD',
      'totals.lcoc_USD_per_PFLOP_day',
      'totals.cost_USD_per_Mtoken',
    ];
    for (const k of keys) {
      const [a, b] = k.split('.') as [string, string];
      expect(typeof record[a][b], k).toBe('number');
    }
    expect(typeof record.network.reducedModel).toBe('boolean');
    expect(typeof record.launch.milestonesMet).toBe('boolean');
    for (const s of ['min', 'mean', 'max']) expect(typeof record.isl.linkRange_km[s]).toBe('number');
  });

  it('a bad constellation file exits 2 with one message and no stack trace', async () => {
    const dir = tempDir();
    const f = writeFile(
      dir,
      'bad-c.yaml',
      'name: c\nkind: constellation\nnode: { }\nshells:\n  - { name: s, altitude_km: 550, planes: 0, satsPerPlane: 3 }\n',
    );
    const r = await odc('evaluate', f);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad-c.yaml:5:');
    expect(r.err).toContain('planes must be at least 1');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('odc run (CLI)', () => {
  it('runs a benchmark study quietly and prints the summary', async () => {
    const dir = tempDir();
    const study = benchmarkStudy(dir, 'zdt1.yaml', {
      name: 'zdt1-cli',
      algorithm: { population: 20, generations: 5, seed: 3 },
    });
    const r = await odc('run', study, '--out', `${dir}/run`, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Run complete');
    expect(r.out).toContain('100 evaluations');
    expect(r.err).toBe('');
    const run = JSON.parse(readFileSync(`${dir}/run/run.json`, 'utf8'));
    expect(run.history).toHaveLength(5);
    // Benchmarks record IGD+ against the analytic front every generation; it should improve.
    expect(run.history[4].igdPlus).toBeLessThan(run.history[0].igdPlus);
  });

  it("--seed replaces the study's seed: the folder's study.yaml records it, and it gives the run of a study written with that seed", async () => {
    const dir = tempDir();
    const text = (seed: number) =>
      `name: zdt1-seed\nkind: benchmark\nproblem: zdt1\n# comment kept\nalgorithm: { population: 12, generations: 3, seed: ${seed} }\n`;
    const written = writeFile(dir, 'zdt1-9.yaml', text(9));
    const given = writeFile(dir, 'zdt1-3.yaml', text(3));
    expect((await odc('run', given, '--seed', '9', '--out', `${dir}/a`, '--quiet')).code).toBe(0);
    expect((await odc('run', written, '--out', `${dir}/b`, '--quiet')).code).toBe(0);
    const stored = readFileSync(`${dir}/a/study.yaml`, 'utf8');
    expect(stored).toContain('# comment kept');
    expect(stored).toMatch(/seed: 9/);
    expect(JSON.parse(readFileSync(`${dir}/a/run.json`, 'utf8')).algorithm.seed).toBe(9);
    // the same seed, the same front (a seed the run ignored would give seed 3's front)
    const designs = (d: string) => JSON.stringify(JSON.parse(readFileSync(`${dir}/${d}/pareto.json`, 'utf8')).designs);
    expect(designs('a')).toBe(designs('b'));
    const bad = await odc('run', given, '--seed', '-1', '--out', `${dir}/c`);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--seed');
    const both = await odc('run', '--resume', `${dir}/a`, '--seed', '4');
    expect(both.code).toBe(2);
    expect(both.err).toContain('drop --seed');
  });

  it('the summary names the knee, its figures and what the front presses against, piped or --quiet; run.json holds the same', async () => {
    const dir = tempDir();
    // BNH's front runs along the upper bound x2 <= 3 for x1 in [3, 5] (Deb 2001, section 14.1)
    const study = benchmarkStudy(dir, 'bnh.yaml', {
      name: 'bnh-cli',
      problem: 'bnh',
      algorithm: { name: 'nsga2', population: 40, generations: 40, seed: 1 },
    });
    const quiet = await odc('run', study, '--out', `${dir}/q`, '--quiet');
    const piped = await odc('run', study, '--out', `${dir}/p`);
    expect(quiet.code).toBe(0);
    expect(piped.code).toBe(0);
    expect(quiet.err).toBe('');
    const run = JSON.parse(readFileSync(`${dir}/q/run.json`, 'utf8'));
    expect(runMetaSchema().safeParse(run).success).toBe(true);
    const pareto = JSON.parse(readFileSync(`${dir}/q/pareto.json`, 'utf8'));
    const knee = selectDesign(pareto, 'knee', `${dir}/q`).design;
    expect(run.decision.designs[0].index).toBe(knee.index);
    for (const r of [quiet, piped]) {
      // the answer card's first row: the recommended design (the knee) and its variables to 4 significant digits
      const line = r.out.split('\n').find((l) => l.trimStart().startsWith('Recommended '));
      expect(
        line?.endsWith(
          `design ${knee.index}: x1 = ${Number((knee.variables.x1 as number).toPrecision(4))}, x2 = ${Number((knee.variables.x2 as number).toPrecision(4))}`,
        ),
        r.out,
      ).toBe(true);
      expect(r.out).toMatch(/\n {2}figures {2,}f1 [\d.,]+, f2 [\d.,]+\n/);
      expect(r.out).toContain('presses against: bound x2 <= 3');
    }
  });

  it('a study with an unknown benchmark problem exits 2 before evaluating', async () => {
    const dir = tempDir();
    const study = writeFile(dir, 'zdt9.yaml', 'name: z\nkind: benchmark\nproblem: zdt9\n');
    const r = await odc('run', study, '--out', `${dir}/run`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('valid names');
  });

  it('--resume of a folder that is not a run exits 2', async () => {
    const r = await odc('run', '--resume', tempDir());
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a run folder');
  });
});

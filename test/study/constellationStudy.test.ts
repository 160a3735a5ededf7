import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { json2satrec, sgp4, twoline2satrec } from 'satellite.js';
import { twoShellStudyHead } from '../helpers/constellationYaml.js';
import { describe, expect, it } from 'vitest';
import { odc } from '../helpers/cli.js';
import { evaluateConstellationFile, exportDesign, runStudy } from '../../src/index.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';
import { interruptedAndResumed } from '../helpers/resume.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { createLpSolver } from '../../solvers/lp/index.js';
import { parseDocument } from 'yaml';
import { REQUIREMENT_DESCRIPTION } from '../../src/study/requirements.js';
import { EARTH_J2, EARTH_RADIUS_km, EARTH_RADIUS_m } from '../helpers/constants.js';
import { closedAi1StudyText } from '../helpers/closedNodeStudy.js';

/**
 * Runs on worker threads that execute dist/, which Stryker never mutates: skipped in mutation runs
 * (vitest.mutation.config.ts).
 */
const itPooled = it.skipIf(process.env.ODC_MUTATION === '1');

const dir = tempDir('odc-cstudy-');
const ai1 = resolve('designs/ai1.yaml');
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');

/** A small constellation study: two shells (one may be switched off), 2 h of geometry, shared node variables. */
const study = (name: string, seed = 3, extra = ''): string =>
  writeFile(
    dir,
    `${name}.yaml`,
    `name: ${name}
${twoShellStudyHead(ai1)}variables:
  shells.a.planes: { choice: [0, 10, 12] }   # 0 switches shell a off; fewer planes would block cross-plane links
  shells.a.altitude_km: [500, 700]
  shells.b.satsPerPlane: { int: [6, 12] }
  node.compute.chips: { int: [36, 72] }
  isl.terminal: { choice: [isl-100g, dwdm-1t] }
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: network.throughputPerNode_Gbps
constraints:
  - totals.satellites >= 200
algorithm: { name: nsga2, population: 8, generations: 4, seed: ${seed}, checkpointEvery: 2 }
${extra}`,
  );

/** The small study `base` written again as `file`.yaml with `from` replaced by `to`. */
const variant = (file: string, base: string, from: string, to: string, seed?: number): string =>
  writeFile(dir, `${file}.yaml`, readFileSync(study(base, seed), 'utf8').replace(from, to));

describe('constellation studies', () => {
  const base = study('cs');
  it('optimizes a constellation: every Pareto record is a constellation, objectives match records, constraints hold', async () => {
    const s = await runStudy({ studyPath: base, outDir: join(dir, 'a'), workers: 0 });
    expect(s.status).toBe('complete');
    expect(s.evaluations).toBe(32);
    const pareto = JSON.parse(read(s.runDir, 'pareto.json'));
    expect(pareto.kind).toBe('constellation');
    for (const d of pareto.designs) {
      expect(d.record.kind).toBe('constellation');
      expect(d.objectives['totals.lcoc_USD_per_PFLOP_day']).toBeCloseTo(d.record.totals.lcoc_USD_per_PFLOP_day, 9);
      expect(d.objectives['network.throughputPerNode_Gbps']).toBeCloseTo(d.record.network.throughputPerNode_Gbps, 9);
      // planes × sats of the used shells, counted from the variables: shell a may be off (0 planes).
      expect(d.record.satellites).toBe(d.variables['shells.a.planes'] * 12 + 12 * d.variables['shells.b.satsPerPlane']);
      expect(d.record.shells).toHaveLength(d.variables['shells.a.planes'] === 0 ? 1 : 2);
      if (Object.values(d.constraints).every((g) => (g as number) <= 0))
        expect(d.record.satellites).toBeGreaterThanOrEqual(200);
      // Closed sizing meets the array, radiator and launch-mass closures by construction: not optimizer constraints.
      expect(Object.keys(d.constraints).filter((n) => n.startsWith('node.'))).toEqual([
        'node.launch.fitsVehicle (worst shell)',
      ]);
      // The line of sight is a check, not a study constraint: the network judges links off at the instants they graze.
      expect(d.constraints['isl.lineOfSight']).toBeUndefined();
    }
    // The run folder's study.yaml stands alone: the node is inlined, not a path.
    expect(read(s.runDir, 'study.yaml')).not.toContain(ai1);
    expect(read(s.runDir, 'study.yaml')).toMatch(/chip: gb300/);
  });

  it('a node flown as given is searched against all four closures; a closed one only against fitting its vehicle', async () => {
    const names = async (path: string): Promise<string[]> =>
      loadStudyProblem(path, await createLpSolver()).problem.constraints.map((c) => c.name);
    const asGiven = writeFile(dir, 'as-given.yaml', readFileSync(base, 'utf8').replace('nodeSizing: closed\n', ''));
    const closures = (all: string[]) => all.filter((n) => n.startsWith('node.'));
    expect(closures(await names(asGiven))).toEqual([
      'node.power.arrayArea (worst shell)',
      'node.thermal.radiatorArea (worst shell)',
      'node.mass.launchClosure (worst shell)',
      'node.launch.fitsVehicle (worst shell)',
    ]);
    expect(closures(await names(base))).toEqual(['node.launch.fitsVehicle (worst shell)']);
  });

  itPooled('the same seed gives byte-identical files with 0 and 2 workers', async () => {
    const pooled = await runStudy({ studyPath: base, outDir: join(dir, 'b'), workers: 2 });
    expect(read(pooled.runDir, 'pareto.json')).toBe(read(join(dir, 'a'), 'pareto.json'));
    expect(read(pooled.runDir, 'evaluations.parquet')).toBe(read(join(dir, 'a'), 'evaluations.parquet'));
  });

  it('an interrupted run resumed from its checkpoint gives identical files', async () => {
    const out = join(dir, 'resumed');
    await interruptedAndResumed(base, out, 3);
    expect(read(out, 'pareto.json')).toBe(read(join(dir, 'a'), 'pareto.json'));
    expect(read(out, 'evaluations.parquet')).toBe(read(join(dir, 'a'), 'evaluations.parquet'));
  });

  it('a gateway-set variable switches the stations the record counts', async () => {
    const f = variant(
      'gw-ok',
      'gw-ok',
      '  isl.terminal:',
      "  ground.stations: { choice: ['svalsat+kiruna', 'malindi', 'svalsat+kiruna+malindi'] }\n  isl.terminal:",
      5,
    );
    const s = await runStudy({ studyPath: f, outDir: join(dir, 'gw-ok') });
    for (const d of JSON.parse(read(s.runDir, 'pareto.json')).designs) {
      expect(d.record.ground.stations).toBe(String(d.variables['ground.stations']).split('+').length);
    }
  });

  it('exports the knee as a constellation file that odc evaluate reproduces exactly, checking the study constraints', async () => {
    const out = join(dir, 'knee.yaml');
    exportDesign(join(dir, 'a'), { design: 'knee', format: 'yaml', out });
    const fromRun = JSON.parse(exportDesign(join(dir, 'a'), { design: 'knee', format: 'json' }).text);
    const doc = parseDocument(readFileSync(out, 'utf8'));
    // the study's one constraint travels as the file's requirement
    expect(doc.toJS().requirements).toEqual(['totals.satellites >= 200']);
    const { record } = await evaluateConstellationFile(out);
    const isRequirement = (c: { description: string }): boolean => c.description === REQUIREMENT_DESCRIPTION;
    // the record is the run's, with the requirement checked beside the physical constraints
    expect({ ...record, constraints: record.constraints.filter((c) => !isRequirement(c)) }).toEqual(fromRun);
    const [req] = record.constraints.filter(isRequirement);
    expect(req).toMatchObject({ name: 'totals.satellites >= 200', value: fromRun.satellites, limit: 200, sense: '>=' });
    expect(req!.satisfied).toBe(true); // the knee is feasible
    // Shell b taken off leaves shell a alone: at most 12 planes × 12 = 144 satellites, below the 200 required.
    const shells = doc.toJS().shells as { name: string }[];
    expect(shells.map((x) => x.name)).toEqual(['a', 'b']); // shell a is on: b alone (<= 144) could not reach 200
    doc.deleteIn(['shells', 1]);
    const fewer = join(dir, 'knee-one-shell.yaml');
    writeFileSync(fewer, doc.toString());
    const cli = await odc('evaluate', fewer);
    expect(cli.code).toBe(0);
    const line = cli.out.split('\n').find((l) => l.trimStart().startsWith('totals.satellites >= 200'));
    expect(line).toMatch(/VIOLATED$/);
    expect(cli.out).toMatch(/constraint\(s\) violated: .*totals\.satellites >= 200/);
  });

  it('exports every satellite as TLE and OMM that satellite.js reads back to the same positions', () => {
    const runDir = join(dir, 'a');
    const rec = JSON.parse(exportDesign(runDir, { design: 'knee', format: 'json' }).text);
    const tle = exportDesign(runDir, { design: 'knee', format: 'tle' }).text.trim().split('\n');
    const omm = JSON.parse(exportDesign(runDir, { design: 'knee', format: 'omm' }).text);
    const csv = exportDesign(runDir, { design: 'knee', format: 'csv' }).text.trim().split(/\r?\n/);
    expect(tle.length).toBe(3 * rec.satellites);
    expect(omm.length).toBe(rec.satellites);
    expect(csv.length).toBe(rec.satellites + 1);
    for (let k = 0; k < rec.satellites; k += 7) {
      const fromTle = sgp4(twoline2satrec(tle[3 * k + 1]!, tle[3 * k + 2]!), 45)!.position;
      const fromOmm = sgp4(json2satrec(omm[k]), 45)!.position;
      // The TLE rounds angles to 1e-4° (≤ 12 m at 7,000 km each): positions agree to tens of metres.
      expect(Math.hypot(fromTle.x - fromOmm.x, fromTle.y - fromOmm.y, fromTle.z - fromOmm.z)).toBeLessThan(0.05);
      // Altitude from the OMM: the shell altitude (SGP4's Kozai/J3 offsets stay within ±10 km).
      const r_km = Math.hypot(fromOmm.x, fromOmm.y, fromOmm.z);
      const shell = rec.shells.find((s: { name: string }) => omm[k].OBJECT_NAME.includes(`-${s.name}-`));
      expect(Math.abs(r_km - EARTH_RADIUS_km - shell.altitude_km)).toBeLessThan(10);
    }
  });

  it('exported orbits carry B* of their shell node scaled to SGP4 density; the frozen eccentricity goes to csv', () => {
    const runDir = join(dir, 'a');
    const rec = JSON.parse(exportDesign(runDir, { design: 'knee', format: 'json' }).text);
    const omm = JSON.parse(exportDesign(runDir, { design: 'knee', format: 'omm' }).text);
    const tle = exportDesign(runDir, { design: 'knee', format: 'tle' }).text.trim().split('\n');
    for (let k = 0; k < rec.satellites; k += 7) {
      const shell = rec.shells.find((s: { name: string }) => omm[k].OBJECT_NAME.includes(`-${s.name}-`));
      // Spacetrack Report #3: B* = ½·ρ₀·C_D·A/m, ρ₀ = 0.15696615 kg/m²/ER, B = m/(C_D·A) from the shell's node record,
      // times odc's density over SGP4's ρ₀·((120 − 78)/(h − 78))⁴ [h in km] at the shell.
      const rhoSgp4 = (0.15696615 / 6378135) * (42 / (shell.altitude_km - 78)) ** 4;
      const bstar =
        (0.15696615 / (2 * shell.node.drag.ballisticCoefficient_kg_m2)) * (shell.node.drag.density_kg_m3 / rhoSgp4);
      expect(omm[k].BSTAR / bstar).toBeCloseTo(1, 12);
      expect(twoline2satrec(tle[3 * k + 1]!, tle[3 * k + 2]!).bstar / bstar).toBeCloseTo(1, 4);
    }
    // e_f = −(J3/2J2)(R⊕/a) sin i, J3 = −2.53266e-6, J2 = 1.0826267e-3 (Vallado 2013 §11.4.2), ω = 90°: csv only.
    const csv = exportDesign(runDir, { design: 'knee', format: 'csv', frozenEccentricity: true }).text.split('\r\n');
    const row = csv[1]!.split(',');
    const shell = rec.shells.find((s: { name: string }) => s.name === row[0]);
    const a = EARTH_RADIUS_m + shell.altitude_km * 1000;
    const e = (2.53266e-6 / (2 * EARTH_J2)) * (EARTH_RADIUS_m / a) * Math.sin((Number(row[7]) * Math.PI) / 180);
    expect(Number(row[12]) / e).toBeCloseTo(1, 5);
    expect(Number(row[13])).toBe(90);
    expect(() => exportDesign(runDir, { design: 'knee', format: 'omm', frozenEccentricity: true })).toThrow(
      /SGP4 mean elements/,
    );
  });

  it("a node run feeds a constellation study: the node is a choice over that run's Pareto designs", async () => {
    // A node study whose bounds keep the node closed (array, radiator and allocation above what AI1 needs).
    const nodeStudy = writeFile(dir, 'nodes.yaml', closedAi1StudyText('nodes'));
    const nodes = await runStudy({ studyPath: nodeStudy, outDir: join(dir, 'nodes') });
    const nodeDesigns = JSON.parse(read(nodes.runDir, 'pareto.json')).designs.length;
    const fromRun = writeFile(
      dir,
      'from-run.yaml',
      readFileSync(base, 'utf8')
        .replace(`node: ${ai1}`, `node: { from: ${nodes.runDir} }`)
        .replace(/^ {2}node\.compute\.chips:.*$/m, '')
        .replace(/^name: cs$/m, 'name: from-run'),
    );
    const s = await runStudy({ studyPath: fromRun, outDir: join(dir, 'from-run') });
    const pareto = JSON.parse(read(s.runDir, 'pareto.json'));
    const v = pareto.variables.find((x: { name: string }) => x.name === 'node.design');
    expect(v.options).toHaveLength(nodeDesigns);
    // Each constellation design flies the node design it picked: its chips equal that node design's.
    const nodePareto = JSON.parse(read(nodes.runDir, 'pareto.json'));
    for (const d of pareto.designs) {
      expect(d.record.shells[0].node.compute.chips).toBe(
        nodePareto.designs[d.variables['node.design']].record.compute.chips,
      );
    }
    // The run folder carries the node designs it chose from: it resumes and exports without the node run.
    expect(read(s.runDir, 'study.yaml')).toContain('candidates:');
  });
});

describe('bad constellation studies exit 2 before evaluating', () => {
  it("a design file's requirements: list in a study, which the search would not hold", async () => {
    const f = writeFile(
      dir,
      'rq.yaml',
      readFileSync(study('rq0'), 'utf8') + 'requirements: ["totals.satellites >= 1e9"]\n',
    );
    const r = await odc('run', f, '--out', join(dir, 'rq'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}:`);
    expect(r.err).toContain(
      "requirements is a design file's list (odc evaluate checks it); in a study, write each one under constraints:",
    );
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
  it('a node run folder that is missing, or of the wrong kind', async () => {
    const missing = variant('missing', 'm3', `node: ${ai1}`, 'node: { from: /nonexistent/run }');
    const r1 = await odc('run', missing, '--out', join(dir, 'x4'));
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('is not a node run folder');
    const bench = benchmarkStudy(dir, 'zdt.yaml', { name: 'z', algorithm: { population: 8, generations: 2 } });
    await runStudy({ studyPath: bench, outDir: join(dir, 'zdt') });
    const wrong = variant('wrong', 'm4', `node: ${ai1}`, `node: { from: ${join(dir, 'zdt')} }`);
    const r2 = await odc('run', wrong, '--out', join(dir, 'x5'));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("name a node study's run");
    // a damaged pareto.json (a design whose objectives are text) and one that is a link are refused like any run file
    cpSync(join(dir, 'zdt'), join(dir, 'damaged'), { recursive: true });
    const front = JSON.parse(readFileSync(join(dir, 'damaged', 'pareto.json'), 'utf8')) as { designs: object[] };
    front.designs[0] = { ...front.designs[0], objectives: { f1: 'low' } };
    writeFileSync(join(dir, 'damaged', 'pareto.json'), JSON.stringify({ ...front, kind: 'node' }));
    cpSync(join(dir, 'zdt'), join(dir, 'linked'), { recursive: true });
    rmSync(join(dir, 'linked', 'pareto.json'));
    symlinkSync(join(dir, 'zdt', 'pareto.json'), join(dir, 'linked', 'pareto.json'));
    for (const [run, why] of [
      ['damaged', /designs\.0\.objectives/],
      ['linked', /is a symbolic link/],
    ] as const) {
      const f = writeFile(
        dir,
        `${run}.yaml`,
        readFileSync(study(run), 'utf8').replace(`node: ${ai1}`, `node: { from: ${join(dir, run)} }`),
      );
      const r = await odc('run', f, '--out', join(dir, `x-${run}`));
      expect(r.code).toBe(2);
      expect(r.err).toContain('node.from');
      expect(r.err).toMatch(why);
    }
  });

  it.each([
    {
      title: 'an unknown metric gets a suggestion',
      file: 'metric',
      base: 'm2',
      out: 'x2',
      from: 'minimize: totals.lcoc_USD_per_PFLOP_day',
      to: 'minimize: totals.lcoc_USD_per_PFLOPday',
      errors: ['did you mean totals.lcoc_USD_per_PFLOP_day?'],
    },
    {
      title: 'an unknown variable names the valid forms',
      file: 'var',
      base: 'v2',
      out: 'x3',
      from: 'shells.a.altitude_km:',
      to: 'shells.c.altitude_km:',
      errors: ['variables.shells.c.altitude_km: unknown variable'],
    },
    {
      title: "a bound that makes an invalid constellation is rejected with the loader's reason",
      file: 'bound',
      base: 'b2',
      out: 'x6',
      from: 'shells.a.altitude_km: [500, 700]',
      to: 'shells.a.altitude_km: [500, 2500]',
      errors: ['variables.shells.a.altitude_km = 2500 gives an invalid constellation'],
    },
    {
      title: 'a gateway-set variable names catalog stations: an unknown id is rejected before evaluating',
      file: 'gw',
      base: 'g2',
      out: 'x7',
      from: '  isl.terminal:',
      to: "  ground.stations: { choice: ['svalsat+kiruna', 'malindi+svalsatt'] }\n  isl.terminal:",
      errors: ['variables.ground.stations = "malindi+svalsatt" gives an invalid constellation', 'did you mean'],
    },
  ])('$title', async ({ file, base, from, to, out, errors }) => {
    const r = await odc('run', variant(file, base, from, to), '--out', join(dir, out));
    expect(r.code).toBe(2);
    for (const e of errors) expect(r.err).toContain(e);
    // A message, no stack trace.
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("odc metrics --kind constellation lists the constellation record's metrics", async () => {
    const r = await odc('metrics', '--kind', 'constellation');
    expect(r.code).toBe(0);
    for (const m of [
      'totals.lcoc_USD_per_PFLOP_day',
      'network.p99Latency_ms',
      'launch.campaign_yr',
      'environment.minSeparation_km',
      'isl.linkRange_km.max',
    ])
      expect(r.out).toContain(m);
  });
});

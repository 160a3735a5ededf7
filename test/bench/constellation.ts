/**
 * Benchmark (prints figures, asserts nothing): constellation evaluation times on this machine, stage by
 * stage for a 10,000-satellite Walker +Grid shell, and end to end for every reference constellation
 * (`designs/constellations/`), with the network LP sizes and which solver ran, and the flagship
 * constellation study end to end against a reference commit built in a temporary folder, side by side in this run
 * (test/bench/constellationStudy.ts: CPU, ratio, load average), one evaluation of that study stage by stage in CPU time
 * (test/bench/constellationStages.ts), open-cylinder bands per instant (the knee's 119 × 100, a 31 × 86 and a 6 × 10
 * band: the band model and its LP-duality bound alone, CPU), and the self-conjunction screen
 * (test/bench/conjunction.ts).
 * Run with `npm run bench:constellation` (builds first); `-- --docs` writes the screen's table into
 * docs/performance.md (./markedSection.ts).
 */
import { writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLpSolver } from '../../solvers/lp/index.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import { conjunctionScreen } from '../../src/constellation/environment/conjunction.js';
import { evaluateConstellation } from '../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../src/constellation/evaluator.js';
import { groundContacts } from '../../src/constellation/ground/ground.js';
import { shellLinks } from '../../src/constellation/links/links.js';
import { planeElements } from '../../src/constellation/geometry/pattern.js';
import { gmstSamples_rad, propagatePlane, windowTimes_s } from '../../src/constellation/geometry/propagate.js';
import { linkRateCoefficients, opticalTerminalFromRow } from '../../src/models/links/linkBudget.js';
import { torusSeries } from '../../src/constellation/network/torus/shellNetworkTorus.js';
import { boundsInForce, cylinderSeries } from '../../src/constellation/network/cylinder/shellNetworkCylinder.js';
import { cylinderDualBound } from '../../src/constellation/network/cylinder/cylinderDual.js';
import { torusInstantCapacities } from '../../src/constellation/network/torus/torusInstant.js';
import { evaluateNode } from '../../src/node/evaluate.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { benchConjunction } from './conjunction.js';
import { docsRequested, loadLine, writeMarkedSections } from './markedSection.js';
import { benchConstellationStudy, writeStudySection } from './constellationStudy.js';
import { cpu_ms, evaluationStages, STAGES } from './constellationStages.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const catalogs = loadCatalogs();
const t0 = performance.now();
const lp = await createLpSolver();
console.log(`LP solvers ready (HiGHS WASM loaded) in ${(performance.now() - t0).toFixed(0)} ms\n`);

const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;

function walker10k(traffic: 'downlink' | 'uniform'): string {
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-c-'));
  const f = join(dir, `walker10k-${traffic}.yaml`);
  writeFileSync(
    f,
    `name: walker-10k-${traffic}\nkind: constellation\nnode: ${join(root, 'designs/ai1.yaml')}\n` +
      'shells:\n  - { name: w550, altitude_km: 550, inclination_deg: 53, planes: 100, satsPerPlane: 100, pattern: walker-delta, phasing: 1 }\n' +
      'isl: { topology: grid, terminal: isl-100g }\nground: { stations: [svalsat, trollsat, inuvik, fairbanks, kiruna, santiago, hartebeesthoek, awarua, malindi, octl] }\n' +
      `traffic: { pattern: ${traffic}, demandPerNode_Gbps: 1 }\nsimulation: { duration_h: 24, step_s: 60, snapshots: 4 }\n`,
  );
  return f;
}

console.log('10,000-satellite Walker +Grid shell (100 × 100, 550 km, 53°, F = 1), 10 gateways, one day at 60 s steps:');
for (const traffic of ['downlink', 'uniform'] as const) {
  const spec = loadConstellationSpec(walker10k(traffic), catalogs);
  const s = spec.shells[0]!;
  const w = spec.window;
  let t = performance.now();
  evaluateNode(s.node, s.rows);
  const tNode = ms(t);
  t = performance.now();
  const gmst = gmstSamples_rad(w.epochIso, windowTimes_s(w));
  const tracks = Array.from({ length: s.geometry.planes }, (_, p) =>
    propagatePlane(planeElements(s.geometry, p, w.epochIso), w, gmst),
  );
  const tGeometry = ms(t);
  t = performance.now();
  shellLinks({
    shell: s.geometry,
    window: w,
    topology: s.topology,
    terminal: s.terminal,
    latitudeCutoff_rad: s.crossPlaneCutoffLatitude_rad,
  });
  const tLinks = ms(t);
  t = performance.now();
  groundContacts({
    shells: [{ spec: s.geometry, tracks }],
    stations: spec.stations.map((x) => ({ ...x })),
    elevationMask_rad: spec.minElevation_rad,
    linkRate_bps: spec.gatewayLinkRate_bps,
  });
  const tGround = ms(t);
  t = performance.now();
  conjunctionScreen({ shells: [s.geometry], epochIso: w.epochIso, threshold_m: spec.minSeparation_m });
  const tScreen = ms(t);
  t = performance.now();
  const r = evaluateConstellation(spec, lp);
  const tAll = ms(t);
  const n = r.network.shells[0]!;
  console.log(
    `  ${traffic.padEnd(8)} whole evaluation ${tAll}${traffic === 'uniform' ? ' (plane tracks and links memoised by the line above)' : ''} (stages alone: node ${tNode}, SGP4 tracks ${tGeometry}, links ${tLinks}, ground ${tGround}, conjunction screen ${tScreen});` +
      ` network: ${n.reducedModel ? 'reduced' : 'full'} model, LP ${n.lpRows} × ${n.lpCols} (${n.solver}), ${r.network.throughputPerNode_Gbps.toPrecision(4)} Gbps per node`,
  );
}

// The network at one instant, stage by stage: link capacities of every satellite at that sample, the reduced
// LP on the class means, and (shells ≤ ROUTING_BOUND_MAX_NODES) the routing lower bound; with and without a cutoff.
console.log(
  '\nnetwork per instant (Walker delta +Grid, 53° / SSO 98°, cutoff 75°), one instant each, after a warm-up:',
);
for (const [P, S, inc] of [
  [20, 40, 98],
  [60, 70, 53],
  [40, 70, 98],
  [100, 100, 98],
] as const) {
  const spec = loadConstellationSpec(walker10k('uniform'), catalogs);
  const shell = { ...spec.shells[0]!.geometry, planes: P, satsPerPlane: S, inclination_rad: (inc * Math.PI) / 180 };
  const w = { epochIso: spec.window.epochIso, duration_s: 7200, step_s: 120 };
  const tracks = Array.from({ length: P }, (_, q) => propagatePlane(planeElements(shell, q, w.epochIso), w));
  const run = (instants: number[]) =>
    torusSeries({
      planes: P,
      satsPerPlane: S,
      phasing: 1,
      tracks,
      instants,
      rate: linkRateCoefficients({ terminal: opticalTerminalFromRow(spec.shells[0]!.terminal) }),
      grazingHeight_m: 100e3,
      latitudeCutoff_rad: (75 * Math.PI) / 180,
      slewLimit_rad_s: (spec.shells[0]!.terminal.maxSlewRate_deg_s * Math.PI) / 180,
      inPlaneUsable: true,
      crossPlaneUsable: true,
      lp,
    });
  run([0]);
  const t = performance.now();
  const r = run([10, 20, 30, 40]);
  const i = r.instants[0]!;
  console.log(
    `  ${P} × ${S} at ${inc}°: ${((performance.now() - t) / 4).toFixed(1)} ms per instant (model ${i.model}, ${(i.throughputPerNode_bps / 1e9).toPrecision(4)} Gbps,` +
      ` lower ${(i.lowerBound_bps / 1e9).toPrecision(4)}, upper ${i.upperBound_bps === null ? '-' : (i.upperBound_bps / 1e9).toPrecision(4)})`,
  );
}

// Open-cylinder bands (the knee's dawn-dusk band of the flagship study, a mid-sized and a small one of its orbit) at 8
// instants over a day: CPU per instant of the whole band model (it computes the LP-duality bound only where the
// in-plane hops bind) and of the LP-duality bound alone, forced (cylinderDual.ts), with the bound each instant reports.
console.log('\nopen-cylinder band per instant (sso-ltan 1 h band, 543.5 km, dwdm-1t, cutoff 75°), CPU ms per instant:');
for (const [P, S] of [
  [119, 100],
  [31, 86],
  [6, 10],
] as const) {
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-band-'));
  const f = join(dir, 'band.yaml');
  writeFileSync(
    f,
    `name: band\nkind: constellation\nnode: ${join(root, 'designs/ai1.yaml')}\nshells:\n` +
      `  - { name: dd, altitude_km: 543.5, inclination_deg: sso, ltan_h: 6, planes: ${P}, satsPerPlane: ${S}, pattern: sso-ltan, ltanBand_h: 1, phasing: 1 }\n` +
      'isl: { topology: grid, terminal: dwdm-1t, crossPlaneCutoffLatitude_deg: 75 }\nground: { stations: [svalsat] }\n' +
      'traffic: { pattern: uniform, demandPerNode_Gbps: 10 }\nsimulation: { duration_h: 24, step_s: 300, snapshots: 8 }\n',
  );
  const spec = loadConstellationSpec(f, catalogs);
  const s = spec.shells[0]!;
  const w = spec.window;
  const gmst = gmstSamples_rad(w.epochIso, windowTimes_s(w));
  const tracks = Array.from({ length: P }, (_, q) => propagatePlane(planeElements(s.geometry, q, w.epochIso), w, gmst));
  const instants = Array.from({ length: 8 }, (_, k) => Math.floor((k * (tracks[0]!.times_s.length - 1)) / 8));
  const inputs = {
    planes: P,
    satsPerPlane: S,
    phasing: 1,
    tracks,
    rate: linkRateCoefficients({ terminal: opticalTerminalFromRow(s.terminal) }),
    grazingHeight_m: 100e3,
    latitudeCutoff_rad: s.crossPlaneCutoffLatitude_rad,
    slewLimit_rad_s: (s.terminal.maxSlewRate_deg_s * Math.PI) / 180,
    inPlaneUsable: true,
    crossPlaneUsable: true,
  };
  const caps = instants.map((j) => torusInstantCapacities({ ...inputs, sampleIndex: j, seam: false }));
  cylinderSeries({ ...inputs, instants, lean: true }); // warm-up
  let t = cpu_ms();
  const series = cylinderSeries({ ...inputs, instants, lean: true });
  const tSeries = (cpu_ms() - t) / instants.length;
  t = cpu_ms();
  const dual = caps.map((c) => cylinderDualBound(P, S, c.inPlane_bps, c.cross_bps));
  const tDual = (cpu_ms() - t) / instants.length;
  console.log(
    `  ${P} × ${S}: band model ${tSeries.toFixed(2)} ms (${boundsInForce(series.upperBounds)}); ` +
      `LP-duality bound alone ${tDual.toFixed(2)} ms (${dual.map((d) => d.family).join(', ')}), ` +
      `${(series.instants[0]!.throughputPerNode_bps / 1e9).toPrecision(4)} Gbps at the first instant`,
  );
}

// One evaluation of the flagship study stage by stage, CPU time of this process (the machine is shared: wall
// time would measure the neighbours). Stages as evaluateConstellation runs them, without its memos.
const studyPath = join(root, 'designs/constellation-study.yaml');
const study = loadStudyProblem(studyPath, lp);
const designX = (values: Record<string, number | string>): Float64Array =>
  Float64Array.from(
    study.problem.variables.map((v) => {
      const x = values[v.name];
      if (x === undefined) throw new Error(`bench: no value for ${v.name}`);
      return v.kind === 'choice' ? v.options.findIndex((o) => o === x) : Number(x);
    }),
  );
const base = {
  'shells.low.planes': 60,
  'shells.low.satsPerPlane': 70,
  'shells.low.altitude_km': 550,
  'shells.low.inclination_deg': 53,
  'shells.dawn-dusk.planes': 40,
  'shells.dawn-dusk.satsPerPlane': 70,
  'shells.dawn-dusk.altitude_km': 650,
  'shells.low.phasing': 1,
  'shells.dawn-dusk.phasing': 1,
  'isl.terminal': 'isl-100g',
  'launch.vehicle': 'starship',
  // the node file's own value (ai1.yaml): full compute through eclipses
  'node.power.eclipseComputeFraction': 1,
};
const stageCases: [string, Record<string, number | string>][] = [
  ['study base (60 × 70 Walker 53° + 40 × 70 SSO band)', base],
  [
    'dawn-dusk 2 × 93 (explicit-graph LP)',
    { ...base, 'shells.dawn-dusk.planes': 2, 'shells.dawn-dusk.satsPerPlane': 93 },
  ],
];
console.log(
  '\nflagship study (designs/constellation-study.yaml), one evaluation stage by stage, CPU ms (share of the evaluation):',
);
evaluationStages(study.constellation!.spec(designX({ ...base, 'shells.low.planes': 59 })), lp); // warm-up (another design: no memo hits below)
for (const [label, values] of stageCases) {
  const t = evaluationStages(study.constellation!.spec(designX(values)), lp);
  const total = STAGES.reduce((a, k) => a + t[k], 0);
  console.log(
    `  ${label}: ${total.toFixed(0)} ms\n    ${STAGES.map((k) => `${k} ${t[k].toFixed(1)} (${((100 * t[k]) / total).toFixed(0)} %)`).join(', ')}`,
  );
}

console.log('\nReference constellations, end to end (load + evaluate):');
const refDir = join(root, 'designs/constellations');
for (const name of readdirSync(refDir)
  .filter((x) => x.endsWith('.yaml'))
  .sort()) {
  const t = performance.now();
  const spec = loadConstellationSpec(join(refDir, name), catalogs);
  const r = evaluateConstellation(spec, lp);
  const lps = r.network.shells.filter((x) => x.lpCols > 0);
  const biggest = lps.reduce((a, x) => (x.lpCols > (a?.lpCols ?? -1) ? x : a), lps[0]);
  console.log(
    `  ${name.padEnd(22)} ${r.satellites.toLocaleString('en-US').padStart(9)} satellites, ${String(r.shells.length).padStart(2)} shells: ${ms(t).padStart(8)};` +
      ` network ${r.network.reducedModel ? 'reduced/bound' : 'full LP'}${biggest ? `, largest LP ${biggest.lpRows} × ${biggest.lpCols} (${biggest.solver})` : ', no LP'}`,
  );
}

const screenTable = benchConjunction(
  root,
  catalogs,
  lp,
  study.constellation!.spec(designX(base)).shells.map((s) => s.geometry),
);
if (docsRequested())
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-conjunction', command: 'npm run bench:constellation', body: `${screenTable}\n\n${loadLine()}` },
  ]);

// The flagship constellation study end to end against the reference commit, then with 2 workers.
const studyLines = benchConstellationStudy(root);
if (docsRequested()) writeStudySection(studyLines);

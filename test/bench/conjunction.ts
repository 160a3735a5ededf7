/**
 * Benchmark section (prints figures, asserts nothing): the self-conjunction screen
 * (src/constellation/environment/conjunction.ts) on the 1,000,000-satellite filing, against peers measured in the same
 * run: the rest of that constellation's evaluation, and a brute-force all-pairs sampling of a small shell.
 * Called by test/bench/constellation.ts (`npm run bench:constellation`), to which it returns docs/performance.md's
 * table of the two candidate methods.
 */
import { join } from 'node:path';
import type { Catalogs } from '../../src/catalog/schema.js';
import { conjunctionScreen } from '../../src/constellation/environment/conjunction.js';
import { evaluateConstellation } from '../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../src/constellation/evaluator.js';
import { planeRaan_rad, slotPhase_rad } from '../../src/constellation/geometry/pattern.js';
import type { ShellGeometrySpec } from '../../src/constellation/design/types.js';
import type { LpSolver } from '../../src/optimize/lp.js';
import { EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../src/base/constants.js';
import { mdTable } from './markedSection.js';

const ms = (t: number): number => performance.now() - t;

/** All pairs at every sample over one two-body orbit (no symmetry used): the minimum distance [m]. */
function bruteForce(sh: ShellGeometrySpec, epochIso: string, step_s: number): number {
  const r = EARTH_RADIUS_m + sh.altitude_m;
  const n = Math.sqrt(EARTH_MU_m3_s2 / r ** 3);
  const ci = Math.cos(sh.inclination_rad),
    si = Math.sin(sh.inclination_rad);
  const sats: { raan: number; u: number }[] = [];
  for (let p = 0; p < sh.planes; p++)
    for (let s = 0; s < sh.satsPerPlane; s++)
      sats.push({ raan: planeRaan_rad(sh, p, epochIso), u: slotPhase_rad(sh, p, s) });
  const xyz = new Float64Array(3 * sats.length);
  let min = Infinity;
  for (let t = 0; t < (2 * Math.PI) / n; t += step_s) {
    sats.forEach((x, k) => {
      const u = x.u + n * t,
        cO = Math.cos(x.raan),
        sO = Math.sin(x.raan);
      xyz[3 * k] = r * (cO * Math.cos(u) - sO * Math.sin(u) * ci);
      xyz[3 * k + 1] = r * (sO * Math.cos(u) + cO * Math.sin(u) * ci);
      xyz[3 * k + 2] = r * Math.sin(u) * si;
    });
    for (let a = 0; a < sats.length; a++) {
      for (let b = a + 1; b < sats.length; b++) {
        const dx = xyz[3 * a]! - xyz[3 * b]!,
          dy = xyz[3 * a + 1]! - xyz[3 * b + 1]!,
          dz = xyz[3 * a + 2]! - xyz[3 * b + 2]!;
        min = Math.min(min, dx * dx + dy * dy + dz * dz);
      }
    }
  }
  return Math.sqrt(min);
}

/** CPU ms of one screen of one shell by a method, best of `repeat` (no memo), and the classes it refined on SGP4. */
function screenCpu_ms(
  sh: ShellGeometrySpec,
  epochIso: string,
  method: 'grid' | 'enumerate',
  repeat: number,
): { ms: number; refined: number } {
  let best = Infinity;
  let refined = 0;
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const r = conjunctionScreen({ shells: [sh], epochIso, threshold_m: 1000, memoise: false, method });
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
    refined = r.shells[0]!.refinedClasses;
  }
  return { ms: best, refined };
}

/**
 * The two candidate methods side by side on the flagship study's Walker shell, its largest Walker and band shells
 * (120 × 100) and a 400 × 30 band; docs/performance.md's table of them.
 */
function benchMethods(studyShells: readonly ShellGeometrySpec[], epochIso: string): string {
  const sized = (s: ShellGeometrySpec, planes: number, satsPerPlane: number): ShellGeometrySpec => ({
    ...s,
    planes,
    satsPerPlane,
  });
  const walker = studyShells.find((s) => s.pattern === 'walker-delta')!;
  const band = studyShells.find((s) => s.pattern !== 'walker-delta')!;
  const shells = [walker, sized(walker, 120, 100), sized(band, 120, 100), sized(band, 400, 30)];
  const ms = (x: number): string => `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} ms`;
  const rows = shells.map((sh) => {
    const grid = screenCpu_ms(sh, epochIso, 'grid', 5),
      en = screenCpu_ms(sh, epochIso, 'enumerate', 5);
    console.log(
      `  ${sh.name} ${sh.planes} × ${sh.satsPerPlane} ${sh.pattern}: grid ${grid.ms.toFixed(1)} ms, enumeration ${en.ms.toFixed(1)} ms CPU ` +
        `(${(grid.ms / en.ms).toFixed(1)}× faster; best of 5; ${en.refined} classes refined)`,
    );
    const name =
      sh.pattern === 'walker-delta'
        ? `${sh.planes} × ${sh.satsPerPlane} Walker delta, ${Math.round((sh.inclination_rad * 180) / Math.PI)}°`
        : `${sh.planes} × ${sh.satsPerPlane} ${sh.pattern} band`;
    return [name, ms(grid.ms), ms(en.ms), String(en.refined)];
  });
  return mdTable(['shell', 'grid of cells', 'enumeration of pair classes', 'classes refined'], rows, [1, 2, 3]);
}

/**
 * `studyShells`: the flagship study's base design's shells (the screen per method is timed on them); returns
 * docs/performance.md's table of the methods.
 */
export function benchConjunction(
  root: string,
  catalogs: Catalogs,
  lp: LpSolver,
  studyShells: readonly ShellGeometrySpec[],
): string {
  console.log(
    "\nSelf-conjunction screen (secular candidates: pair classes enumerated, or a cubic grid over each shell's repeat window; SGP4 refinement):",
  );
  const spec = loadConstellationSpec(join(root, 'designs/constellations/spacex-odc-1m.yaml'), catalogs);
  const methods = benchMethods(studyShells, spec.window.epochIso);
  const shells = spec.shells.map((s) => s.geometry);
  let t = performance.now();
  evaluateConstellation(spec, lp);
  const tAll = ms(t);
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const screen = conjunctionScreen({
    shells,
    epochIso: spec.window.epochIso,
    threshold_m: spec.minSeparation_m,
    memoise: false,
  });
  const cpu = process.cpuUsage(cpu0);
  const tScreen = ms(t);
  const tScreenCpu = (cpu.user + cpu.system) / 1000;
  const steps = screen.shells.reduce((a, s) => a + s.steps, 0);
  console.log(
    `  spacex-odc-1m (${shells.reduce((a, s) => a + s.planes * s.satsPerPlane, 0).toLocaleString('en-US')} satellites, ${shells.length} shells): ` +
      `screen ${(tScreen / 1000).toFixed(1)} s (${steps} steps in all; ${screen.shells.reduce((a, s) => a + s.refinedClasses, 0)} classes refined on SGP4; closest ${screen.minSeparation_m.toFixed(0)} m, ` +
      `${screen.pairsBelow.toLocaleString('en-US')} pairs under ${spec.minSeparation_m / 1000} km); whole evaluation (screen included) ` +
      `${(tAll / 1000).toFixed(1)} s: the screen is ${((100 * tScreen) / tAll).toFixed(0)} % of it; screen CPU time ${(tScreenCpu / 1000).toFixed(1)} s`,
  );

  // Peer: brute force over one orbit at a step fine enough to resolve ~1 km (v_rel·h/2 ≈ 15 km/s × 0.13 s / 2).
  const small: ShellGeometrySpec = {
    name: 'w',
    altitude_m: 550e3,
    inclination_rad: (87 * Math.PI) / 180,
    sunSynchronous: false,
    ltan_h: null,
    planes: 12,
    satsPerPlane: 12,
    pattern: 'walker-delta',
    phasing: 5,
    ltanBand_h: 0,
    raan0_rad: 0,
    clusterRadius_m: 0,
  };
  t = performance.now();
  const s = conjunctionScreen({ shells: [small], epochIso: spec.window.epochIso, threshold_m: 1000 });
  const tSmall = ms(t);
  t = performance.now();
  const brute = bruteForce(small, spec.window.epochIso, 0.13);
  const tBrute = ms(t);
  console.log(
    `  12 × 12 Walker shell at 87°: screen ${tSmall.toFixed(1)} ms (secular ${s.shells[0]!.secularMinSeparation_m.toFixed(0)} m, SGP4 ${s.minSeparation_m.toFixed(0)} m) against a two-body brute force over all ` +
      `${(144 * 143) / 2} pairs at 0.13 s steps for one orbit ${(tBrute / 1000).toFixed(1)} s (${brute.toFixed(0)} m, within ~1 km): ` +
      `${(tBrute / tSmall).toFixed(0)}× faster`,
  );
  return methods;
}

/**
 * Hypervolume benchmark (a script, not a vitest test): `npm run build`, then
 * `node dist/test/bench/hypervolume.js [--dims 4,5,6] [--sizes 1000,5000,10000] [--fronts sphere,simplex]
 * [--old-max 1000] [--samples 10000]`.
 *
 * For each front (seeded uniform random points on the positive orthant of the unit sphere, or on the
 * linear simplex x1 + ... + xm = 1; reference point 1.1 in every objective), number of objectives and
 * number of points it prints the process CPU time of the exact `hypervolume` (dimension sweep), of
 * the former WFG implementation (frozen below, run up to --old-max points: it grows about n², 5-D
 * 10,000 points took 42 s), and of `hypervolumeEstimate` with --samples samples, with the estimate's
 * deviation from the exact value in standard errors. One unrecorded warm-up run per dimension.
 */
import { cpus, loadavg } from 'node:os';
import { createRng } from '../../src/base/rng.js';
import { hv2d, hv3d, hypervolume } from '../../src/optimize/indicators/hypervolume.js';
import { hypervolumeEstimate } from '../../src/optimize/indicators/hypervolumeEstimate.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}
const DIMS = arg('dims', '4,5,6').split(',').map(Number);
const SIZES = arg('sizes', '1000,5000,10000').split(',').map(Number);
const FRONTS = arg('fronts', 'sphere,simplex').split(',') as ('sphere' | 'simplex')[];
const OLD_MAX = Number(arg('old-max', '1000'));
const SAMPLES = Number(arg('samples', '10000'));

/** n seeded points, uniform on the positive orthant of the unit sphere or on the linear simplex (flat, n x m). */
function front(kind: 'sphere' | 'simplex', n: number, m: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const P = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) {
      const v = kind === 'sphere' ? Math.abs(rng.normal()) : -Math.log(1 - rng.next());
      P[i * m + k] = v;
      s += kind === 'sphere' ? v * v : v;
    }
    const norm = kind === 'sphere' ? Math.sqrt(s) : s;
    for (let k = 0; k < m; k++) P[i * m + k] = P[i * m + k]! / norm;
  }
  return P;
}

function cpuSeconds<T>(f: () => T): { value: T; cpu_s: number } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, cpu_s: (c.user + c.system) / 1e6 };
}

// ---- the former implementation (WFG with slicing on the last objective and an O(n²) pre-filter), frozen for
// comparison ----

function legacyHypervolume(P: Float64Array, m: number, reference: readonly number[]): number {
  const n = P.length / m;
  const inside = new Float64Array(n * m);
  let c = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let k = 0; k < m; k++) if (!(P[i * m + k]! < reference[k]!)) ok = false;
    if (!ok) continue;
    for (let k = 0; k < m; k++) inside[c * m + k] = P[i * m + k]!;
    c++;
  }
  return c === 0 ? 0 : legacyRec(inside.subarray(0, c * m), c, m, Float64Array.from(reference));
}

function legacyRec(P: Float64Array, n: number, m: number, ref: Float64Array): number {
  if (n === 0) return 0;
  if (m === 2) return hv2d(P, n, ref[0]!, ref[1]!);
  if (m === 3) return hv3d(P, n, ref[0]!, ref[1]!, ref[2]!);
  return legacyWfg(P, n, m, ref);
}

function legacyFilterNonDominated(P: Float64Array, n: number, m: number): number {
  const keep = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    for (let j = 0; j < n; j++) {
      if (i === j || !keep[j]) continue;
      let weak = true;
      let equal = true;
      for (let k = 0; k < m; k++) {
        const a = P[j * m + k]!;
        const b = P[i * m + k]!;
        if (a > b) {
          weak = false;
          break;
        }
        if (a < b) equal = false;
      }
      if (weak && (!equal || j < i)) {
        keep[i] = 0;
        break;
      }
    }
  }
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    if (c !== i) P.copyWithin(c * m, i * m, i * m + m);
    c++;
  }
  return c;
}

function legacyWfg(Pin: Float64Array, nIn: number, m: number, ref: Float64Array): number {
  const P = Pin.slice(0, nIn * m);
  const n = legacyFilterNonDominated(P, nIn, m);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    const la = P[a * m + m - 1]!;
    const lb = P[b * m + m - 1]!;
    return la > lb ? -1 : la < lb ? 1 : a - b;
  });
  const S = new Float64Array(n * m);
  for (let t = 0; t < n; t++) S.set(P.subarray(idx[t]! * m, idx[t]! * m + m), t * m);
  const d = m - 1;
  const subRef = ref.subarray(0, d);
  const limit = new Float64Array(n * d);
  let volume = 0;
  for (let k = 0; k < n; k++) {
    const ok = k * m;
    let incl = 1;
    for (let j = 0; j < d; j++) incl *= ref[j]! - S[ok + j]!;
    let c = 0;
    for (let q = k + 1; q < n; q++) {
      const oq = q * m;
      for (let j = 0; j < d; j++) {
        const a = S[ok + j]!;
        const b = S[oq + j]!;
        limit[c * d + j] = a > b ? a : b;
      }
      c++;
    }
    const excl = incl - (c > 0 ? legacyRec(limit.slice(0, c * d), c, d, subRef) : 0);
    volume += (ref[d]! - S[ok + d]!) * excl;
  }
  return volume;
}

// ---- the runs ----

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const rows: string[][] = [];
console.log(
  `hypervolume benchmark: ${cpus()[0]?.model ?? 'cpu'} x ${cpus().length}, node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
);
console.log('reference point 1.1 in every objective; CPU seconds of one call (process.cpuUsage)\n');
for (const m of DIMS) {
  const ref = new Array<number>(m).fill(1.1);
  // warm-up (JIT) on a small set
  const warm = front('sphere', 300, m, 99);
  hypervolume(warm, ref);
  legacyHypervolume(warm, m, ref);
  hypervolumeEstimate(warm, ref, { samples: 1000, seed: 1 });
  for (const kind of FRONTS) {
    for (const n of SIZES) {
      const P = front(kind, n, m, 1);
      const exact = cpuSeconds(() => hypervolume(P, ref));
      const old = n <= OLD_MAX ? cpuSeconds(() => legacyHypervolume(P, m, ref)) : null;
      // a seed other than the points': the same stream would correlate the samples with the points
      const est = cpuSeconds(() => hypervolumeEstimate(P, ref, { samples: SAMPLES, seed: 1001 }));
      const agree =
        old === null
          ? ''
          : Math.abs(old.value - exact.value) <= 1e-12 * exact.value
            ? 'same'
            : `DIFFERS (${old.value})`;
      rows.push([
        `${m}-D`,
        kind,
        String(n),
        exact.value.toFixed(9),
        exact.cpu_s.toFixed(3),
        old === null ? '-' : old.cpu_s.toFixed(3),
        old === null ? '-' : `${(old.cpu_s / exact.cpu_s).toFixed(1)}x ${agree}`,
        est.cpu_s.toFixed(3),
        ((est.value.value - exact.value) / est.value.standardError).toFixed(2),
      ]);
      console.log(rows[rows.length - 1]!.join('  '));
    }
  }
}
const header = [
  'm',
  'front',
  'n',
  'HV',
  'exact [s]',
  'former WFG [s]',
  'speed-up',
  `estimate ${SAMPLES} [s]`,
  '(est - exact) / SE',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
console.log('');
console.log(`| ${header.map((h, i) => pad(h, widths[i]!)).join(' | ')} |`);
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(`| ${r.map((v, i) => pad(v, widths[i]!)).join(' | ')} |`);

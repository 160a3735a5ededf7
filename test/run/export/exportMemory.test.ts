/**
 * Ephemeris exports stream at flat memory: the peak resident set (process.resourceUsage().maxRSS at exit, in a fresh
 * `odc export` process) of a CZML scene and an OEM of every satellite grows by far less than the file does when the
 * satellites are multiplied by four; a writer that held its output would grow by the file's growth, a table of every
 * satellite's samples by most of it, on the V8 heap or off it (Buffers, typed arrays: the resident set counts both).
 * The exports run single-threaded on V8's fixed collection schedule (peakRss.ts STEADY_HEAP_FLAGS), so their peak is
 * what they retain plus a slack the machine's load does not change: 4× the satellites add 3–5 MB to the scene's peak
 * and 6–8 MB to the OEM's at loads of 6 to 15 on two cores, against limits of 13.5 and 21.4 MB (by default the
 * scene's growth follows the load: 5.5 MB on an idle machine, 20–27 MB on a busy one). A scene's links are walked,
 * not listed: a scene of two adjacent planes of a 1,000,000-satellite grid shell is written in a 64 MB heap, where a
 * list of the shell's 2,000,000 links (and a graph of them) would not fit. At full scale (1,000,000 satellites)
 * `npm run bench:omm` prints the peaks.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odcPeakRss_MB, STEADY_HEAP_FLAGS } from '../../helpers/peakRss.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

/**
 * Peak RSS [MB] of one `odc export` on a steady heap (STEADY_HEAP_FLAGS) and the size of what it wrote (a file, or a
 * folder's files) [MB].
 */
function exportPeak(args: readonly string[], out: string): { rss_MB: number; file_MB: number } {
  const rss_MB = odcPeakRss_MB([...args, '--out', out], STEADY_HEAP_FLAGS);
  const bytes = statSync(out).isDirectory()
    ? readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0)
    : statSync(out).size;
  return { rss_MB, file_MB: bytes / 2 ** 20 };
}

const design = (dir: string, name: string, planes: number, satsPerPlane: number): string =>
  writeFile(
    dir,
    `${name}.yaml`,
    `kind: constellation
name: ${name}
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: s, altitude_km: 550, inclination_deg: 53, planes: ${planes}, satsPerPlane: ${satsPerPlane}, phasing: 1 }
isl: { topology: none }
`,
  );

describe('ephemeris exports at flat memory', () => {
  const dir = tempDir('odc-mem-');
  const small = design(dir, 'small', 20, 80); // 1,600 satellites: past the process's warm-up
  const large = design(dir, 'large', 80, 80); // 6,400

  for (const [format, extra] of [
    ['czml', ['--full', '--force', '--step-s', '20']],
    ['oem', ['--satellites', 'all', '--force', '--span-h', '3']],
  ] as const)
    it(`${format}: 4× the satellites, the peak grows by under a quarter of the file's growth`, () => {
      const a = exportPeak(['export', small, '--format', format, ...extra], join(dir, `small.${format}`));
      const b = exportPeak(['export', large, '--format', format, ...extra], join(dir, `large.${format}`));
      const fileGrowth = b.file_MB - a.file_MB;
      expect(fileGrowth).toBeGreaterThan(50);
      expect(b.rss_MB - a.rss_MB).toBeLessThan(fileGrowth / 4);
    });
});

describe('scene links walked, not listed', () => {
  it('two planes of a 1000 × 1000 grid shell: its 2,000,000 links walked in a 64 MB heap, 3,000 drawn', () => {
    const dir = tempDir('odc-mem-links-');
    const file = writeFile(
      dir,
      'big.yaml',
      `kind: constellation
name: big
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: s, altitude_km: 550, inclination_deg: 53, planes: 1000, satsPerPlane: 1000, phasing: 1 }
isl: { topology: grid, terminal: isl-100g }
`,
    );
    const out = join(dir, 'scene.czml');
    const args = [
      'export',
      file,
      '--format',
      'czml',
      '--satellites',
      's/P0,s/P1',
      '--span-h',
      '0.1',
      '--step-s',
      '360',
    ];
    odcPeakRss_MB([...args, '--out', out], ['--max-old-space-size=64']); // throws should the heap not do
    // Hand count: the in-plane rings of P0 and P1 (1,000 links each) and the cross-plane links P0–P1 (1,000), every
    // one a few tens of km long, so on; the seam P999–P0 and P1–P2 have an end not shown.
    const packets = JSON.parse(readFileSync(out, 'utf8')) as { id: string }[];
    expect(packets.filter((p) => p.id.startsWith('isl/'))).toHaveLength(3000);
    expect(packets.filter((p) => p.id.startsWith('sat/'))).toHaveLength(2000);
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { AI1, designFile } from '../../analysis/fixtures.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = tempDir('odc-uncertainty-cli-');

/** The compiled CLI in a child process (dist/ is rebuilt by the vitest global setup). */
function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/entries/cli/bin.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  }); // a hang guard
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('odc uncertainty / odc sensitivity on the command line', () => {
  it("a bad distribution in the design's uncertainty: section exits 2 naming the file, line, field and fix, without a stack trace", () => {
    const negativeSd = designFile(dir, 'negative-sd', [
      ...AI1,
      'uncertainty:',
      '  economics.launchCost_USD_per_kg: { kind: normal, mean: 900, sd: -50 }',
    ]);
    const r1 = cli('uncertainty', negativeSd, '-n', '8', '-q');
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(
      /negative-sd\.yaml:\d+:\d+: uncertainty\.economics\.launchCost_USD_per_kg\.sd must be > 0, got -50/,
    );
    expect(r1.err).not.toMatch(/\n\s+at /);
    const swapped = designFile(dir, 'swapped', [
      ...AI1,
      'uncertainty:',
      '  compute.utilization: { kind: uniform, min: 0.9, max: 0.6 }',
    ]);
    const r2 = cli('sensitivity', swapped, '-q');
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('uncertainty.compute.utilization.min 0.9 > max 0.6: swap them');
    expect(r2.err).not.toMatch(/\n\s+at /);
    expect(r2.out).toBe('');
  });

  it('odc uncertainty writes report.html (inline SVG plots), report.md, samples.csv and summary.json', () => {
    const out = join(dir, 'unc');
    const r = cli(
      'uncertainty',
      join(ROOT, 'designs/ai1.yaml'),
      '--samples',
      '32',
      '--seed',
      '3',
      '--out',
      out,
      '--quiet',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe(''); // --quiet: no progress lines
    expect(r.out).toContain('32 samples by Latin hypercube sampling');
    for (const f of ['report.html', 'report.md', 'samples.csv', 'summary.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.kind, summary.samples, summary.seed, summary.method]).toEqual(['uncertainty', 32, 3, 'lhs']);
    expect(summary.outputs.map((o: { path: string }) => o.path)).toEqual([
      'mass.launch_kg',
      'cost.total_USD',
      'cost.lcocDiscounted_USD_per_PFLOP_day',
      'cost.lcocToBaseline',
      'cost.lcoc_USD_per_PFLOP_day',
      'compute.deliveredPFLOPS',
      'mass.kW_per_t',
      'economics.parityRatioLastYear',
    ]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(6);
    expect(html).not.toMatch(/<script|src="http/);
    expect(readFileSync(join(out, 'samples.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(33);
  });

  it('odc sensitivity --method tornado writes report.html and summary.json with the break-even thresholds; a foreign --out folder is refused', () => {
    const out = join(dir, 'sens');
    const r = cli('sensitivity', join(ROOT, 'designs/ai1.yaml'), '--method', 'tornado', '--out', out, '--quiet');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect([summary.kind, summary.sobol]).toEqual(['sensitivity', null]);
    expect(summary.breakEven.map((b: { label: string }) => b.label)).toEqual([
      'launch price',
      'chip price',
      'mission lifetime',
    ]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Tornado');
    const foreign = cli(
      'sensitivity',
      join(ROOT, 'designs/ai1.yaml'),
      '--method',
      'tornado',
      '--out',
      join(dir, 'unc'),
      '-q',
    );
    expect(foreign.code).toBe(2);
    expect(foreign.err).toContain('holds no earlier odc sensitivity result');
  });

  it("odc catalog lists the rows' distributions", async () => {
    const r = await odc('catalog', 'batteries');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/li-ion-leo .*\n\s+cost_USD_per_Wh ~ triangular\(100, 150, 300\) — /);
  });

  it('odc catalog without a name lists the catalogs with their row counts, not one catalog’s rows', async () => {
    const r = await odc('catalog');
    expect(r.code).toBe(0);
    const names = ['chips', 'solar-arrays', 'batteries', 'radiators', 'coolants', 'coatings', 'isl-terminals'];
    for (const n of [...names, 'launch-vehicles', 'ground-stations']) {
      // the count read from the catalog file itself: one `- id:` line per row
      const rows = readFileSync(join(ROOT, 'designs/catalogs', `${n}.yaml`), 'utf8').match(/^- id:/gm)!.length;
      expect(r.out).toMatch(new RegExp(`^  ${n} +${rows} rows  designs/catalogs/${n}\\.yaml$`, 'm'));
    }
    expect(r.out).not.toContain('h100');
    expect((await odc('catalog', 'all')).out).toContain('ground-stations (designs/catalogs/ground-stations.yaml)');
  });
});

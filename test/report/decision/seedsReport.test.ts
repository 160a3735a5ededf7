/**
 * The multi-seed report (src/report/decision/seedsReport.ts) as written files: on the hand-made union of
 * ./seedsUnion.ts, report.html inlines the plots, each also a .svg file beside it that report.md links, and the Seeds
 * section links each seed's report.html by a relative path that resolves; the plots add sections and change no other
 * block. Then a real `odc run` of two short flagship seeds (dist/, as the main job runs it) writes the same, and
 * `odc report` of that folder writes it again, byte for byte, with every seed's report.
 * Plausible bugs caught: a plot inlined but not written (or the reverse), an absolute or wrong link, a missing seed's
 * report linked anyway, the answer's text changed by the plots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsReportDocument, writeSeedsReport } from '../../../src/report/decision/seedsReport.js';
import { seedsPlots } from '../../../src/report/plots/catalogue.js';
import { runShortFlagshipSeeds } from '../../helpers/shortFlagshipSeeds.js';
import { tempDir } from '../../helpers/tmp.js';
import { SEEDS, tinyAgreement, tinyUnion } from './seedsUnion.js';

const svgCount = (html: string): number => (html.match(/<svg[\s>]/g) ?? []).length;
const hrefs = (html: string): string[] => [...html.matchAll(/<a href="([^"#][^"]*)"/g)].map((m) => m[1]!);
/** The .svg files report.md shows as images. */
const mdImages = (md: string): string[] => [...md.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => m[1]!);

/** What a multi-seed folder's report shows: plots inlined and written, and links that resolve inside the folder. */
function expectPlotsAndLinks(out: string, seeds: readonly number[]): void {
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  expect(svgCount(html)).toBeGreaterThanOrEqual(4);
  const images = mdImages(md);
  expect(images.length).toBe(svgCount(html));
  for (const f of images) {
    expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, f), 'utf8')).toMatch(/^<\?xml[^>]*>\n<svg/);
  }
  const links = hrefs(html);
  expect(links).toEqual(seeds.map((s) => `seed-${s}/report.html`));
  for (const l of links) {
    expect(isAbsolute(l)).toBe(false);
    expect(existsSync(join(out, l)), l).toBe(true);
  }
  for (const s of seeds) expect(md).toContain(`[seed-${s}/report.html](seed-${s}/report.html)`);
}

describe('the multi-seed report of a hand-made union', () => {
  const union = tinyUnion();
  const agreement = tinyAgreement(union);

  it('inlines five plots, writes each as a .svg file, and links both seeds’ reports', () => {
    const out = tempDir('odc-seeds-report-');
    for (const s of SEEDS) {
      mkdirSync(join(out, `seed-${s}`));
      writeFileSync(join(out, `seed-${s}`, 'report.html'), `<p>seed ${s}</p>`);
    }
    writeSeedsReport(out, agreement, union);
    expectPlotsAndLinks(out, SEEDS);
    expect(readdirSync(out).filter((f) => f.endsWith('.svg'))).toHaveLength(5);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/The knee: design 310 of seed 43/);
    expect(html).not.toContain(out);
  });

  it('names a seed whose folder has no report.html instead of linking it', () => {
    const out = tempDir('odc-seeds-report-');
    mkdirSync(join(out, 'seed-42'));
    writeFileSync(join(out, 'seed-42', 'report.html'), '<p>seed 42</p>');
    writeSeedsReport(out, agreement, union);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(hrefs(html)).toEqual(['seed-42/report.html']);
    expect(html).toContain('seed 43: no report.html in seed-43/');
  });

  it('adds the plot sections and the links and leaves every other block as it was', () => {
    const bare = seedsReportDocument(agreement, union);
    const drawn = seedsReportDocument(agreement, union, seedsPlots(union, SEEDS), [
      { seed: 42, href: 'seed-42/report.html' },
      { seed: 43, href: null },
    ]);
    expect(drawn.leads).toEqual(bare.leads);
    const ids = (d: typeof bare) => d.blocks.map((b) => (b.kind === 'section' ? b.id : b.kind));
    expect(ids(bare)).toEqual(['decision-summary', 'seeds']);
    expect(ids(drawn)).toEqual(['decision-summary', 'union-front', 'knee', 'seeds']);
    expect(drawn.blocks[0]).toEqual(bare.blocks[0]);
    // the seeds section gains its links at its end
    const seeds = (d: typeof bare) =>
      d.blocks.find((b) => b.kind === 'section' && b.id === 'seeds') as {
        blocks: readonly unknown[];
      };
    expect(seeds(drawn).blocks.slice(0, seeds(bare).blocks.length)).toEqual(seeds(bare).blocks);
  });
});

describe('odc run of two short flagship seeds', () => {
  it('writes the multi-seed report with the plots and links to both seeds’ reports', () => {
    const dir = tempDir('odc-seeds-cli-');
    const run = runShortFlagshipSeeds(dir);
    expect(run.status, run.stderr).toBe(0);
    const out = join(dir, 'multi');
    expectPlotsAndLinks(out, [43, 44]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const f of ['union-front.svg', 'knee-budgets.svg', 'knee-cost.svg', 'knee-cost-waterfall.svg'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(html).not.toContain(dir);
    // `odc report <multi-seed folder>` writes the folder's report again, as the run's finishing step wrote it, and
    // every seed's report (removed here first)
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    for (const f of ['report.html', 'report.md', 'seed-43/report.html', 'seed-44/report.html']) rmSync(join(out, f));
    const again = spawnSync(process.execPath, [resolve('dist/src/entries/cli/bin.js'), 'report', out], {
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(md);
    expectPlotsAndLinks(out, [43, 44]);
  });
});

/**
 * One binding list and one hypervolume per run, the same in every output: the terminal summary of `odc run`
 * (src/report/decision/summary.ts), report.md (src/report/document), the explorer's run info (src/serve/runData.ts)
 * and `odc compare` (src/report/compare). A small flagship run, built in the test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/entries/runStudy.js';
import { formatRunSummary } from '../../src/report/decision/summary.js';
import { compareRuns } from '../../src/report/compare/compare.js';
import { ServedRun } from '../../src/serve/runData.js';
import type { RunSummary } from '../../src/run/runContext.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir } from '../report/helpers.js';

const tmp = tempDir('decision-outputs');
let dir: string;
let summary: RunSummary;
let terminal: string[];

beforeAll(async () => {
  const study = join(tmp, 'flag.yaml');
  writeFileSync(study, readFileSync(FLAGSHIP, 'utf8').replace(/^algorithm:.*$/m, `algorithm: ${FLAGSHIP_ALGORITHM}`));
  dir = join(tmp, 'flag');
  summary = await runStudy({ studyPath: study, outDir: dir, workers: 0 });
  terminal = formatRunSummary(summary).split('\n');
});

/** Text with every run of whitespace one space: the terminal wraps at 80 columns, the explorer does not. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

const after = (lines: readonly string[], prefix: string): string | undefined =>
  lines
    .find((l) => l.trim().startsWith(prefix))
    ?.trim()
    .slice(prefix.length);

describe('one binding list', () => {
  it('the knee binds the same in the terminal, report.md and the explorer, and the closures are sized to', () => {
    expect(summary.paretoSize).toBeGreaterThan(0);
    const info = new ServedRun(0, dir).info();
    // the explorer's header shows the answer card (answer.json), whose binds row replaces the decision's binds line
    const binds = info.card?.find((r) => r.label === 'binds')?.value ?? after(info.decision, 'binds: ')!;
    expect(binds).toBeDefined();
    const sized = after(info.decision, 'sized to: ')!;
    // the closures a cost-minimizing design meets by sizing are never in the binding list
    for (const closure of ['power.arrayArea', 'thermal.radiatorArea', 'thermal.junctionTemp']) {
      expect(binds).not.toContain(closure);
    }
    expect(sized).toContain('thermal.junctionTemp 360 K (to the chip junction limit)');
    // the terminal's card row and detail line, unwrapped, say the same
    const text = flat(terminal.join('\n'));
    expect(text).toContain(`binds ${flat(binds)}`);
    expect(text).toContain(`sized to: ${flat(sized)}`);
    // report.md escapes markdown; its first screen's knee line and its pick section carry the same list
    const md = readFileSync(join(dir, 'report.md'), 'utf8')
      .replace(/\\([()[\]_*])/g, '$1')
      .replace(/&gt;/g, '>');
    expect(md.replace(/&lt;/g, '<').replace(/&amp;/g, '&')).toContain(`binds: ${binds}`);
  });
});

describe('one hypervolume', () => {
  it('odc run, the report, odc serve and odc compare give the same figure with the same normalization', async () => {
    const h = summary.hypervolumeFigure!;
    const meta = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(h.value).toBe(meta.history[meta.history.length - 1].hypervolume);
    expect(h.normalization).toEqual(meta.normalization);
    const line = new ServedRun(0, dir).info().hypervolume!;
    expect(line).toContain(`hypervolume ${h.value.toFixed(4)} (final front of`);
    expect(flat(terminal.join('\n'))).toContain(flat(line));
    const c = await compareRuns([dir, dir], join(tmp, 'cmp'), { hypervolumeThreads: 1 });
    for (const row of c.rows) expect(row.runHypervolume).toEqual(h);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain(`| hypervolume | ${h.value.toFixed(4)} `);
  });
});

describe('one shadow-price table', () => {
  it('the terminal, the explorer and report.md show the same shadow prices of the knee', () => {
    const decision = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).decision;
    const knee = decision.designs[0];
    const prices = decision.shadowPrices;
    // one entry per binding constraint of the knee, when anything binds it
    expect(prices === null ? 0 : prices.gains.length).toBe(knee.binding.constraints.length);
    if (prices === null) return;
    for (const gain of prices.gains)
      for (const o of gain.objectives) {
        // a gain is never a loss: the knee is among the designs the rule chooses from
        const sense = JSON.parse(readFileSync(join(dir, 'pareto.json'), 'utf8')).objectives.find(
          (x: { name: string }) => x.name === o.objective,
        ).sense;
        expect(sense === 'maximize' ? o.change : -o.change).toBeGreaterThanOrEqual(0);
        // counted beyond the control (the same search with no limit relaxed), clamped at no loss
        const control = prices.control.find((x: { objective: string }) => x.objective === o.objective);
        const beyond = o.best - control.best;
        expect(o.change).toBe(sense === 'maximize' ? Math.max(0, beyond) : Math.min(0, beyond));
      }
    const info = new ServedRun(0, dir).info();
    const at = info.decision.findIndex((l) => l.startsWith('shadow prices:') || l.startsWith('No binding limit'));
    expect(at).toBeGreaterThan(0);
    // the explorer's lines from there on that belong to it (indented), unwrapped, are the terminal's
    const end = info.decision.findIndex((l, i) => i > at && !l.startsWith(' '));
    const lines = info.decision.slice(at, end < 0 ? undefined : end);
    expect(flat(terminal.join('\n'))).toContain(flat(lines.join(' ')));
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    const note = lines[0]!.replace(/^shadow prices: /, '');
    expect(md).toContain(note.slice(0, 60));
  });
});

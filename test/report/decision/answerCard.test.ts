import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerCardLines, answerCardRows, bridgeTable, wrapWords } from '../../../src/report/decision/answerCard.js';
import { decisionSummarySection } from '../../../src/report/sections/decisionSummary.js';
import { documentMarkdown } from '../../../src/report/document/markdown.js';
import { documentHtml } from '../../../src/report/document/html.js';
import { handAnswer } from '../../helpers/answerRecord.js';
import { reportModel } from '../sections/reportModel.js';
import { answerCardOf } from '../../../src/serve/answerFile.js';
import { runSummariesHtml } from '../../../src/serve/app/runSummaries.js';
import type { RunInfo } from '../../../src/serve/runData.js';

// The figures written into the hand-built record (test/helpers/answerRecord.ts), as each output must print them.
const FIGURES = ['design 4321', '(seed 43)', '4.5× hyperscale-virginia', '97.5 %', '400 samples', '123 USD/PFLOP-day'];

describe('answer card', () => {
  it('prints the record’s figures on the terminal, no line over 80 columns', () => {
    const lines = answerCardLines(handAnswer());
    const text = lines.join(' ');
    for (const f of FIGURES) expect(text.replace(/\s+/g, ' ')).toContain(f);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('wraps a long value under its column and keeps every word', () => {
    const long = handAnswer({
      margins: { ...handAnswer().margins, binds: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') },
    });
    const lines = answerCardLines(long, 40);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.join(' ')).toContain('w39');
    expect(wrapWords('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
  });

  it('the report opens with the same figures, in both formats', () => {
    const block = decisionSummarySection(reportModel({ answer: handAnswer() }));
    const doc = { title: 't', leads: [], blocks: [block], footer: '' };
    for (const text of [documentMarkdown(doc), documentHtml(doc)])
      // Markdown escapes brackets and underscores: read it as text
      for (const f of FIGURES) expect(text.replace(/\\([()[\]_*])/g, '$1').replace(/\s+/g, ' ')).toContain(f);
  });

  it("the explorer's header card shows the same figures, read from the record written as answer.json", () => {
    const dir = mkdtempSync(join(tmpdir(), 'odc-card-'));
    writeFileSync(join(dir, 'answer.json'), JSON.stringify(handAnswer()));
    const card = answerCardOf(dir);
    expect(card).not.toBeNull();
    const info: RunInfo = {
      id: 0,
      key: 'r',
      name: 'hand',
      kind: 'node',
      status: 'complete',
      columns: [],
      rows: 0,
      frontSource: 'pareto.json',
      frontNote: '',
      version: '',
      hypervolume: null,
      hypervolumeValue: null,
      decision: ['folded detail line'],
      card,
      runAnswer: null,
      environment: null,
      normalization: null,
      damaged: [],
    };
    const html = runSummariesHtml([info]);
    expect(html).toContain('data-testid="answer-card"');
    // the card's rows are at a glance; only the other lines fold under "details"
    const [shown, folded] = html.split('<details>');
    const text = (shown ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const f of FIGURES) expect(text).toContain(f);
    expect(folded).toContain('folded detail line');
  });

  it('the explorer reads a rewritten answer.json again, and a damaged one as no card', () => {
    const dir = mkdtempSync(join(tmpdir(), 'odc-card-'));
    writeFileSync(join(dir, 'answer.json'), JSON.stringify(handAnswer()));
    expect(JSON.stringify(answerCardOf(dir))).toContain('123 USD/PFLOP-day');
    // `odc screen RUN:knee` rewrites the file: a cache keyed on the path alone would keep the old card
    const a = handAnswer();
    writeFileSync(join(dir, 'answer.json'), JSON.stringify({ ...a, design: { ...a.design!, index: 98765 } }));
    expect(JSON.stringify(answerCardOf(dir))).toContain('design 98765');
    writeFileSync(join(dir, 'answer.json'), '{"truncated": ');
    expect(answerCardOf(dir)).toBeNull();
  });

  it('draws a bridge as numbered steps with factor and reason', () => {
    const t = bridgeTable(handAnswer().costBridge);
    // step 2 = 123 / 200 = 0.615 of step 1
    expect(t.rows[1]).toEqual(['2', 'discounted', '× 0.615', '123 USD/PFLOP-day', 'discounting']);
    expect(t.rows[0]![2]).toBe('');
  });

  it("a multi-seed answer's spread is one row of the card, wrapped within 80 columns", () => {
    const spread =
      "Spread: every seed attains 90 % of the union front's hypervolume; over 64 draws of the compliance inputs " +
      'the knee stays non-dominated in 100 % of them and its nominal point is attained in 25 %.';
    const rows = answerCardRows(handAnswer({ spread }));
    expect(rows.at(-1)).toEqual({ label: 'spread', value: spread.slice('Spread: '.length) });
    const lines = answerCardLines(handAnswer({ spread }));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('nominal point is attained in 25 %.');
    expect(answerCardRows(handAnswer()).some((r) => r.label === 'spread')).toBe(false);
  });

  it('a run without a recommended design says why in its one row', () => {
    expect(answerCardRows(handAnswer({ design: null, noAnswer: 'none meets it' }))).toEqual([
      { label: 'answer', value: 'none meets it' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { RobustnessReport } from '../../../src/run/answer/robustness.js';
import { robustnessSection } from '../../../src/report/sections/robustness.js';
import { blocksOf, NO_BINDING, reportModel } from './reportModel.js';

const design = (margins: RobustnessReport['designs'][number]['margins']) => ({
  label: 'knee',
  index: 3,
  margins,
  minMargin: 0.015,
  binding: { ...NO_BINDING, constraints: [{ name: 'mass', margin: 0.015 }] },
  joint: null,
  failedSamples: 0,
});

const select = {
  rule: 'every constraint ≥ 2 % margin',
  position: 0,
  qualified: true,
  meetingMargin: 2,
  sampled: 0,
  text: '2 of 5 designs keep 2 %',
};

describe('robustnessSection (margins and robustness of the recommended designs)', () => {
  it('is left out without a report, and when no design has a margin and the study selects nothing', () => {
    expect(robustnessSection(reportModel())).toBeNull();
    const bare: RobustnessReport = { designs: [design([])], sampling: null, notes: [], select: null };
    expect(robustnessSection(reportModel({ robustness: bare }))).toBeNull();
  });

  it("tables each design's smallest margin and binding constraints, then the notes, each a note paragraph", () => {
    const r: RobustnessReport = {
      designs: [design([{ name: 'mass', margin: 0.015 }])],
      sampling: null,
      notes: ['no uncertain inputs'],
      select: null,
    };
    const s = robustnessSection(reportModel({ robustness: r }));
    expect(s).toMatchObject({
      kind: 'section',
      id: 'robustness',
      heading: 'Margins and robustness of the recommended designs',
      nav: 'Margins',
    });
    const blocks = blocksOf(s);
    expect(blocks[0]).toMatchObject({ kind: 'table', rows: [['knee', '3', '1.5', 'mass (1.5 %)', '–']] });
    expect(blocks.slice(1).every((b) => b.kind === 'paragraph' && b.style === 'note')).toBe(true);
    expect(blocks.at(-1)).toStrictEqual({ kind: 'paragraph', text: 'no uncertain inputs', style: 'note' });
  });

  it("is shown for a study's select: rule even when no design has margins, with the selection noted", () => {
    const r: RobustnessReport = { designs: [], sampling: null, notes: [], select };
    const s = robustnessSection(reportModel({ robustness: r }));
    const blocks = blocksOf(s);
    expect(blocks[0]).toMatchObject({ kind: 'table', rows: [] });
    expect(blocks.at(-1)).toStrictEqual({
      kind: 'paragraph',
      text: 'Selection (study select:): 2 of 5 designs keep 2 %',
      style: 'note',
    });
  });
});

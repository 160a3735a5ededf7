import { describe, expect, it } from 'vitest';
import { notesSection, studyAndRunSection } from '../../../src/report/sections/studyAndRun.js';
import { h3, p, reportModel } from './reportModel.js';

const STUDY_TABLES = [
  { kind: 'keyValue', rows: [{ label: 'seed', value: '7' }] },
  h3('Variables'),
  {
    kind: 'table',
    headers: ['variable', 'kind', 'bounds or choices', 'unit'],
    rows: [['chips', 'integer', '1 … 400', '-']],
  },
  h3('Objectives'),
  { kind: 'table', headers: ['objective', 'sense', 'unit'], rows: [['cost', 'minimize', 'USD']] },
  h3('Constraints'),
];
const PACKAGES = {
  kind: 'details',
  summary: 'Package versions',
  blocks: [{ kind: 'keyValue', rows: [{ label: 'd3-scale', value: '4.0.3' }], headers: ['package', 'version'] }],
};
const section = (blocks: unknown[]) => ({
  kind: 'section',
  id: 'summary',
  heading: 'Study and run',
  nav: 'Study and run',
  blocks,
});

describe('notesSection', () => {
  it("lists the report's notes, and is left out without one", () => {
    expect(notesSection(reportModel())).toBeNull();
    expect(notesSection(reportModel({ notes: ['sampled 1,000 of 5,000', 'no history'] }))).toStrictEqual({
      kind: 'section',
      id: 'notes',
      heading: 'Notes',
      nav: 'Notes',
      blocks: [{ kind: 'list', items: ['sampled 1,000 of 5,000', 'no history'] }],
    });
  });
});

describe('studyAndRunSection (the study definition and the run bookkeeping)', () => {
  it('writes the summary, variables, objectives, constraints and the package versions folded', () => {
    const constraints = [{ name: 'mass', kind: '<=', description: 'launch mass' }];
    expect(studyAndRunSection(reportModel({ constraints }))).toStrictEqual(
      section([
        ...STUDY_TABLES,
        { kind: 'table', headers: ['constraint', 'kind', 'meaning'], rows: [['mass', '<=', 'launch mass']] },
        PACKAGES,
      ]),
    );
  });

  it('says "None." for a study without constraints', () => {
    expect(studyAndRunSection(reportModel())).toStrictEqual(section([...STUDY_TABLES, p('None.'), PACKAGES]));
  });
});

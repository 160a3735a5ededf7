/**
 * The plot catalogue (src/report/plots/catalogue.ts): ids and files are unique, a plot is drawn when it applies and
 * says why when it does not, and the multi-seed report draws the knee's plots for a node knee only. Plausible bugs
 * caught: two entries with one id or file (one .svg overwriting the other), a plot drawn that does not apply, a
 * missing plot's note lost, the knee's plots drawn for a constellation's knee.
 */
import { describe, expect, it } from 'vitest';
import {
  drawPlots,
  gatheredPlots,
  plotSection,
  CONSTELLATION_PLOTS,
  RUN_PLOTS,
  SEEDS_PLOTS,
  seedsPlots,
  type PlotEntry,
} from '../../../src/report/plots/catalogue.js';
import type { ParetoFile } from '../../../src/run/paretoFile.js';
import { KNEE_RECORD, SEEDS, tinyUnion, UNION_PARETO } from '../decision/seedsUnion.js';

const fileOf = (e: PlotEntry<never>) => e.file ?? `${e.id}.svg`;

describe('the plot catalogue', () => {
  it('no id and no file twice across the reports (the seeds report shares the knee waterfall)', () => {
    const entries = [
      ...RUN_PLOTS,
      ...CONSTELLATION_PLOTS,
      ...SEEDS_PLOTS.filter((e) => !RUN_PLOTS.some((r) => r.id === e.id)),
    ];
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(new Set(entries.map(fileOf)).size).toBe(entries.length);
  });

  it('draws the entries that apply, in order, with id, file and title; a missing one leaves its note', () => {
    const entry = (id: string, applies: boolean, missingNote?: string): PlotEntry<number> => ({
      id,
      ...(id === 'b' ? { file: 'bee.svg' } : {}),
      title: `title ${id}`,
      section: { heading: id },
      applies: () => applies,
      ...(missingNote !== undefined ? { missingNote } : {}),
      draw: (n) => ({ caption: `caption ${n}`, svg: `<svg>${id}</svg>` }),
    });
    const notes: string[] = [];
    // a drawing may find it has nothing to draw after all (null): no plot, no missing note
    const none: PlotEntry<number> = { ...entry('d', true, 'no d'), draw: () => null };
    const plots = drawPlots([entry('a', true), entry('c', false, 'no c'), none, entry('b', true)], 7, notes);
    expect(plots).toStrictEqual([
      { id: 'a', file: 'a.svg', title: 'title a', caption: 'caption 7', svg: '<svg>a</svg>' },
      { id: 'b', file: 'bee.svg', title: 'title b', caption: 'caption 7', svg: '<svg>b</svg>' },
    ]);
    expect(notes).toEqual(['no c']);
  });

  it('a gathered plot has no section of its own; gatheredPlots picks the plots its section gathers', () => {
    const frontKnee = RUN_PLOTS.find((e) => e.section === 'decision-summary')!;
    const drawn = RUN_PLOTS.map((e) => ({ id: e.id, file: fileOf(e), title: e.title, caption: '', svg: '' }));
    expect(plotSection(frontKnee, drawn)).toBeNull();
    expect(gatheredPlots(RUN_PLOTS, 'decision-summary', drawn).map((p) => p.id)).toEqual([frontKnee.id]);
  });
});

describe('the multi-seed report plots', () => {
  // the union's decision as it is (the knee, seed 43's design 310): the plots read its first design only
  const withRecord = (record: unknown): ParetoFile =>
    ({
      ...UNION_PARETO,
      designs: UNION_PARETO.designs.map((d) => ({ ...d, record: d.record && record })),
    }) as ParetoFile;

  // the environment plot draws answer.json's `environment`, which these unions are not given
  const drawable = SEEDS_PLOTS.filter((e) => e.id !== 'environment');

  it('a node knee: every catalogue plot, in order, each in its file', () => {
    const full = seedsPlots(tinyUnion(), SEEDS);
    expect(full.plots.map((p) => p.id)).toEqual(drawable.map((e) => e.id));
    expect(full.plots.map((p) => p.file)).toEqual(drawable.map(fileOf));
    expect(full.notes).toEqual([]);
  });

  it('a constellation study gets the front alone with a note saying why; a benchmark the front alone', () => {
    const front = drawable.filter((e) => e.section !== 'knee').map((e) => e.id);
    const constellation = seedsPlots(
      { ...tinyUnion(), pareto: withRecord({ ...KNEE_RECORD, kind: 'constellation' }) },
      SEEDS,
    );
    expect(constellation.plots.map((p) => p.id)).toEqual(front);
    expect(constellation.notes.join(' ')).toMatch(/drawn for node studies/);
    const benchmark = seedsPlots({ ...tinyUnion(), pareto: withRecord(null) }, SEEDS);
    expect(benchmark.plots.map((p) => p.id)).toEqual(front);
    expect(benchmark.notes).toEqual([]);
  });
});

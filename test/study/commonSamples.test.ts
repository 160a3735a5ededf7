/**
 * The common sample set's unit matrix (src/study/commonSamples.ts unitColumns): each input's column is drawn from a
 * stream named by the seed and its path alone, so an input's samples do not move when other inputs come and go (a
 * catalog row added, an uncertainty entry for a row no design flies); each column of a Latin hypercube stays
 * stratified. Bugs they catch: streams taken by column position (adding a path shifts every later column's samples),
 * one stream shared by every column (identical columns), a seed that is ignored, a column not stratified.
 */
import { describe, expect, it } from 'vitest';
import { commonSampler, unitColumns } from '../../src/study/commonSamples.js';
import { parseStudyFile } from '../../src/study/studyFile.js';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import type { Catalogs } from '../../src/catalog/schema.js';

const column = (m: number[][], j: number): number[] => m.map((row) => row[j]!);

describe('unit columns', () => {
  const n = 64;
  it("an input's column is the same whatever other paths exist", () => {
    const two = unitColumns({ n, columns: ['catalogs.chips.a.price_USD', 'model.z'], seed: 42, method: 'lhs' });
    const three = unitColumns({
      n,
      columns: ['catalogs.chips.a.price_USD', 'catalogs.launchVehicles.new.price_USD', 'model.z'],
      seed: 42,
      method: 'lhs',
    });
    expect(column(three, 0)).toEqual(column(two, 0));
    expect(column(three, 2)).toEqual(column(two, 1));
    // columns differ from each other, and the seed matters
    expect(column(three, 1)).not.toEqual(column(three, 0));
    const other = unitColumns({ n, columns: ['model.z'], seed: 43, method: 'lhs' });
    expect(column(other, 0)).not.toEqual(column(two, 1));
  });

  it('each Latin-hypercube column holds one value in each of the n strata, inside (0, 1)', () => {
    const m = unitColumns({ n, columns: ['a', 'b', 'c'], seed: 7, method: 'lhs' });
    expect(m).toHaveLength(n);
    for (let j = 0; j < 3; j++) {
      const strata = column(m, j).map((u) => Math.floor(u * n));
      expect(new Set(strata).size).toBe(n);
      for (const u of column(m, j)) expect(u > 0 && u < 1).toBe(true);
    }
  });

  it("a design's sampled inputs do not move when the catalogs gain an uncertain row it does not fly", () => {
    const loaded = parseStudyFile('designs/robust-study.yaml');
    if (loaded.kind !== 'node-study') throw new Error('designs/robust-study.yaml is a node study');
    const ev = nodeEvaluator(undefined, loaded.design.catalogs);
    const vehicles = ev.rows.launchVehicles;
    const flown = vehicles.find((v) => v.id === loaded.design.launch.vehicle)!;
    // a copy of the flown row under an id that sorts first (its price column comes before every other vehicle's)
    const added = { ...flown, id: 'aaa-added-vehicle' };
    const more = { ...ev.rows, launchVehicles: [added, ...vehicles] } as Catalogs;
    const plan = (rows: Catalogs) =>
      commonSampler({
        base: loaded.design,
        rows,
        samples: 32,
        method: 'lhs',
        seed: 42,
        evaluate: ev.evaluate,
      }).planFor(loaded.design);
    const before = plan(ev.rows);
    const after = plan(more);
    expect(after.inputs.map((i) => i.path)).toEqual(before.inputs.map((i) => i.path));
    expect(before.inputs.length).toBeGreaterThan(3);
    expect(after.values).toEqual(before.values);
  });
});

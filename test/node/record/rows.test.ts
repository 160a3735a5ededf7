/**
 * The row resolver (src/node/record/rows.ts): the rows a design names, by id. A study's lean evaluation rewrites one
 * design object in place for every decision vector, so the oracle is the ids the design names at each call: the rows
 * returned carry those ids, whatever was resolved before.
 */
import { describe, expect, it } from 'vitest';
import { rowResolver } from '../../../src/node/record/rows.js';
import { nodeEvaluator } from '../../../src/node/evaluator.js';
import { parseDesignFile } from '../../../src/node/design/load.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';

const loaded = parseDesignFile('designs/ai1.yaml');
if (loaded.kind !== 'design') throw new Error('designs/ai1.yaml should be a node design');
const rows = nodeEvaluator().rows;

describe('rowResolver', () => {
  it('a design rewritten in place between calls gets the rows of the ids it names at each call', () => {
    const resolve = rowResolver(rows);
    const d = structuredClone(loaded.design) as { -readonly [K in keyof NodeDesign]: NodeDesign[K] };
    const compute = d.compute as { chip: string };
    const launch = d.launch as { vehicle: string };
    for (const [chip, vehicle] of [
      ['h100', 'starship'],
      ['h100', 'starship'],
      ['b200', 'starship'],
      ['b200', 'new-glenn'],
      ['h100', 'starship'],
    ] as const) {
      compute.chip = chip;
      launch.vehicle = vehicle;
      const r = resolve(d);
      expect(r.chip.id).toBe(chip);
      expect(r.vehicle.id).toBe(vehicle);
      expect(r.array.id).toBe(d.power.array);
    }
  });

  it("more id combinations than are kept, each named twice in a shuffled order: each call gets its own ids' rows", () => {
    const resolve = rowResolver(rows);
    const d = structuredClone(loaded.design) as { -readonly [K in keyof NodeDesign]: NodeDesign[K] };
    const compute = d.compute as { chip: string };
    const launch = d.launch as { vehicle: string };
    const asks: (readonly [string, string])[] = [];
    for (const chip of ['h100', 'b200', 'gb300', 'tpu-v6e'])
      for (const vehicle of ['starship', 'new-glenn', 'falcon-9']) asks.push([chip, vehicle], [chip, vehicle]);
    // a fixed shuffle: every combination comes back after others have been resolved (12 combinations, 8 kept)
    const order = asks.map((_, i) => (i * 7) % asks.length);
    expect(new Set(order).size).toBe(asks.length);
    for (const i of order) {
      const [chip, vehicle] = asks[i]!;
      compute.chip = chip;
      launch.vehicle = vehicle;
      const r = resolve(d);
      expect(r.chip.id).toBe(chip);
      expect(r.vehicle.id).toBe(vehicle);
    }
  });

  it("a design's own row of an id replaces the catalog's, and the next design without it gets the catalog's", () => {
    const resolve = rowResolver(rows);
    const catalogChip = rows.chips.find((c) => c.id === 'h100')!;
    const own = { ...catalogChip, costPerChip_USD: catalogChip.costPerChip_USD + 1 };
    const base = { ...loaded.design, compute: { ...loaded.design.compute, chip: 'h100' } } as NodeDesign;
    const withOwn = { ...base, catalogs: { chips: [own] } } as unknown as NodeDesign;
    expect(resolve(withOwn).chip.costPerChip_USD).toBe(catalogChip.costPerChip_USD + 1);
    expect(resolve(base).chip.costPerChip_USD).toBe(catalogChip.costPerChip_USD);
    expect(resolve(withOwn).chip.costPerChip_USD).toBe(catalogChip.costPerChip_USD + 1);
  });
});

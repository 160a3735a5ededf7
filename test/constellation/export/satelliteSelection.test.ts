/**
 * Satellite selections as data: `--satellites` text read against the design's own shell names (commas, slashes and
 * spaces inside a name, a shell named like a keyword), defaults built as values, and the scene subset's promises
 * counted by hand: at most the budget, every shell, planes and slots evenly spread, everything when it fits.
 */
import { describe, expect, it } from 'vitest';
import type { ExportableConstellation } from '../../../src/constellation/export/exportSatellites.js';
import {
  firstOfEachShell,
  parseSatelliteSelection,
  sceneSubset,
  selectionCount,
  selectionPredicate,
} from '../../../src/constellation/export/satelliteSelection.js';
import { shell } from '../../helpers/shellSpec.js';

const design = (shells: [string, number, number][]): ExportableConstellation => ({
  name: 'sel',
  window: { epochIso: '2026-03-20T00:00:00Z' },
  shells: shells.map(([name, planes, satsPerPlane]) => ({ geometry: shell({ name, planes, satsPerPlane }) })),
});

/** The (shell, plane, slot) triples a selection holds, counted by brute force. */
function members(spec: ExportableConstellation, text: string): string[] {
  const select = selectionPredicate(spec, parseSatelliteSelection(spec, text));
  const out: string[] = [];
  for (const [shellIndex, { geometry: g }] of spec.shells.entries())
    for (let plane = 0; plane < g.planes; plane++)
      for (let slot = 0; slot < g.satsPerPlane; slot++)
        if (select({ shellIndex, plane, slot })) out.push(`${shellIndex}:${plane}:${slot}`);
  return out;
}

describe('--satellites text', () => {
  const spec = design([
    ['a,b', 2, 3],
    ['a', 2, 3],
    ['x/P1', 2, 2],
    ['all', 1, 2],
    ['with space', 1, 2],
  ]);

  it('matches whole shell names, commas and slashes in them included', () => {
    expect(members(spec, 'a,b')).toEqual(['0:0:0', '0:0:1', '0:0:2', '0:1:0', '0:1:1', '0:1:2']);
    expect(members(spec, 'a,b/P1/S2, a/P0/S1')).toEqual(['0:1:2', '1:0:1']);
    expect(members(spec, 'x/P1/P0/S1')).toEqual(['2:0:1']);
    expect(members(spec, 'x/P1')).toEqual(['2:0:0', '2:0:1', '2:1:0', '2:1:1']);
    expect(members(spec, 'with space/P0/S1')).toEqual(['4:0:1']);
    // a shell named `all` is that shell; `all` alone elsewhere would be every satellite
    expect(members(spec, 'all')).toEqual(['3:0:0', '3:0:1']);
    expect(members(design([['a', 1, 2]]), 'all')).toEqual(['0:0:0', '0:0:1']);
  });

  it('refuses unknown shells, malformed items and planes or slots out of range, naming the item', () => {
    expect(() => members(spec, 'b')).toThrow("satellite selection 'b': no shell of that name");
    expect(() => members(spec, 'a/P1x')).toThrow("satellite selection 'a/P1x': write <shell>");
    expect(() => members(spec, 'a/Q1')).toThrow("satellite selection 'a/Q1': no shell of that name");
    expect(() => members(spec, 'a/P2')).toThrow('shell a has planes P0…P1, not P2');
    expect(() => members(spec, 'a/P1/S3')).toThrow('shell a has slots S0…S2, not S3');
    expect(() => members(spec, ' , ')).toThrow('the satellite selection is empty');
  });

  it('the default OEM selection is the first satellite of each shell, whatever the names hold', () => {
    const sel = firstOfEachShell(spec);
    expect(selectionCount(spec, sel)).toBe(5);
    const select = selectionPredicate(spec, sel);
    expect(select({ shellIndex: 0, plane: 0, slot: 0 })).toBe(true);
    expect(select({ shellIndex: 0, plane: 0, slot: 1 })).toBe(false);
  });
});

describe('scene subset', () => {
  it('86 one-plane shells of 600 (sunrise-51600): 11 slots each, evenly spread, 946 in all', () => {
    const spec = design(Array.from({ length: 86 }, (_, i) => [`p${i}`, 1, 600] as [string, number, number]));
    const { shells, count } = sceneSubset(spec, 1000);
    expect(count).toBe(86 * 11); // ⌊1000 / 86⌋ = 11 a shell
    for (const s of shells) {
      expect(s.planes).toEqual([0]);
      expect(s.slots).toEqual(Array.from({ length: 11 }, (_, k) => Math.floor((k * 600) / 11)));
    }
  });

  it('ten shells of 250 × 400 (spacex-odc-1m): 10 planes 25 apart × 10 slots 40 apart each', () => {
    const spec = design(Array.from({ length: 10 }, (_, i) => [`s${i}`, 250, 400] as [string, number, number]));
    const { shells, count, selection } = sceneSubset(spec, 1000);
    expect(count).toBe(1000);
    expect(selectionCount(spec, selection)).toBe(1000);
    for (const s of shells) {
      expect(s.planes).toEqual(Array.from({ length: 10 }, (_, k) => 25 * k));
      expect(s.slots).toEqual(Array.from({ length: 10 }, (_, k) => 40 * k));
    }
  });

  it('a small shell keeps all its satellites and gives the rest of its share to the others', () => {
    const spec = design([
      ['small', 2, 5],
      ['big', 100, 100],
    ]);
    const { shells, count } = sceneSubset(spec, 1000);
    expect(shells[0]).toEqual({ shellIndex: 0, planes: [0, 1], slots: [0, 1, 2, 3, 4] });
    // big gets 990: k = ⌈√990⌉ = 32 planes, ⌊990/32⌋ = 30 slots
    expect(shells[1]!.planes.length).toBe(32);
    expect(shells[1]!.slots.length).toBe(30);
    expect(count).toBe(10 + 32 * 30);
    expect(count).toBeLessThanOrEqual(1000);
  });

  it('planes many and short: enough planes to use the share (4 slots a plane, 250 planes)', () => {
    const { shells, count } = sceneSubset(design([['s', 250, 4]]), 1000);
    expect(shells[0]!.planes.length).toBe(250);
    expect(shells[0]!.slots).toEqual([0, 1, 2, 3]);
    expect(count).toBe(1000);
  });

  it('more shells than the budget is refused', () => {
    expect(() =>
      sceneSubset(
        design([
          ['a', 1, 1],
          ['b', 1, 1],
          ['c', 1, 1],
        ]),
        2,
      ),
    ).toThrow('3 shells');
  });
});

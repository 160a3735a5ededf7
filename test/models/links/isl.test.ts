import { describe, expect, it } from 'vitest';
import { islPayload, type IslTerminalSpec } from '../../../src/models/links/isl.js';

/**
 * Tesat SCOT80: 10 Gbps, 11.9 kg per optical channel (satellitetoday 2024, docs/sources.md §8); power/cost
 * illustrative.
 */
const scot80: IslTerminalSpec = { capacity_Gbps: 10, mass_kg: 11.9, power_W: 60, cost_USD: 1e6 };
/** Three-Body / Starlink-class 100 Gbps terminal (docs/sources.md §3, §8); mass/power/cost illustrative. */
const isl100g: IslTerminalSpec = { capacity_Gbps: 100, mass_kg: 15, power_W: 100, cost_USD: 3e5 };

describe('islPayload', () => {
  it('terminal counts per topology: none 0, ring 2, grid 4, mesh 6', () => {
    expect(islPayload({ topology: 'none', terminal: scot80 }).terminals).toBe(0);
    expect(islPayload({ topology: 'ring', terminal: scot80 }).terminals).toBe(2);
    expect(islPayload({ topology: 'grid', terminal: scot80 }).terminals).toBe(4);
    expect(islPayload({ topology: 'mesh', terminal: scot80 }).terminals).toBe(6);
  });

  it('a ring of SCOT80 terminals carries 2 × 11.9 kg and 2 × 10 Gbps', () => {
    const r = islPayload({ topology: 'ring', terminal: scot80 });
    expect(r.mass_kg).toBeCloseTo(23.8, 10);
    expect(r.capacity_Gbps).toBe(20);
    expect(r.power_W).toBe(120);
    expect(r.cost_USD).toBe(2e6);
  });

  it('a +grid of 100 Gbps terminals aggregates 400 Gbps; no ISL costs nothing', () => {
    expect(islPayload({ topology: 'grid', terminal: isl100g }).capacity_Gbps).toBe(400);
    const none = islPayload({ topology: 'none', terminal: isl100g });
    expect([none.mass_kg, none.power_W, none.capacity_Gbps, none.cost_USD]).toEqual([0, 0, 0, 0]);
  });

  it('throws RangeError for an unknown topology or negative terminal figures', () => {
    expect(() => islPayload({ topology: 'star' as never, terminal: scot80 })).toThrow(RangeError);
    expect(() => islPayload({ topology: 'ring', terminal: { ...scot80, mass_kg: -1 } })).toThrow(RangeError);
  });
});

describe('ranges', () => {
  /**
   * Small models at the ends of their stated validity ranges and on closed-form cases: each closed end is accepted,
   * each open end refused with a message naming the field.
   */

  describe('ISL payload', () => {
    const terminal = { capacity_Gbps: 10, mass_kg: 5, power_W: 50, cost_USD: 1e5 };

    it('terminal figures of 0 are valid; each negative figure is refused', () => {
      const zero = { capacity_Gbps: 0, mass_kg: 0, power_W: 0, cost_USD: 0 };
      expect(islPayload({ topology: 'mesh', terminal: zero }).terminals).toBe(6);
      for (const k of ['capacity_Gbps', 'mass_kg', 'power_W', 'cost_USD'] as const)
        expect(() => islPayload({ topology: 'ring', terminal: { ...terminal, [k]: -1 } })).toThrow(
          /capacity_Gbps, mass_kg, power_W and cost_USD must all be ≥ 0/,
        );
      expect(() => islPayload({ topology: 'star' as never, terminal })).toThrow(
        /ISL topology 'star' is not one of none, ring, grid, mesh/,
      );
    });

    it('a grid of 4 terminals: 20 kg, 200 W, 40 Gbps, 400 k$', () => {
      expect(islPayload({ topology: 'grid', terminal })).toEqual({
        topology: 'grid',
        terminals: 4,
        mass_kg: 20,
        power_W: 200,
        capacity_Gbps: 40,
        cost_USD: 4e5,
      });
    });
  });
});

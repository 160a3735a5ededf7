/**
 * Edges of the satellite writers (exportSatellites.ts) on constellations of a few satellites: designator limits,
 * epochs with and without a zone, refused inputs, catalog bases, chunk boundaries and the cluster columns of the
 * CSV. Expectations are worked by hand from the formats (COSPAR designators, Alpha-5, RFC 4180, JSON).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  epochMs,
  internationalDesignator,
  satelliteCount,
  satelliteRecords,
  writeOmmJson,
  writeSatelliteCsv,
  writeTle,
  type ExportableConstellation,
} from '../../../src/constellation/export/exportSatellites.js';
import { shellFormation } from '../../../src/constellation/geometry/clusterFormation.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { deg } from '../../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';
const shell = (o: Partial<ShellGeometrySpec> & { name: string }): ShellGeometrySpec => ({
  altitude_m: 550e3,
  inclination_rad: 53 * deg,
  sunSynchronous: false,
  ltan_h: null,
  planes: 2,
  satsPerPlane: 2,
  pattern: 'walker-delta',
  phasing: 1,
  ltanBand_h: 0,
  raan0_rad: 10 * deg,
  clusterRadius_m: 0,
  ...o,
});
const spec = (name: string, shells: ShellGeometrySpec[], epochIso = EPOCH): ExportableConstellation => ({
  name,
  window: { epochIso },
  shells: shells.map((geometry) => ({ geometry })),
});
const collect = (write: (sink: (c: string) => void) => void): string[] => {
  const out: string[] = [];
  write((c) => out.push(c));
  return out;
};

describe('international designators and epochs', () => {
  it('the last designator is 2026-999ZZZ (100 launch numbers of 14,424 pieces); one more throws', () => {
    // 100·14,424 = 1,442,400 satellites: indices 0 … 1,442,399.
    expect(internationalDesignator(1_442_399, 2026)).toEqual({ objectId: '2026-999ZZZ', tleField: '26999ZZZ' });
    expect(() => internationalDesignator(1_442_400, 2026)).toThrow(
      new RangeError('synthetic international designators cover 1442400 satellites'),
    );
    // Second launch number, second piece: 14,424 + 1 → 901B; 14,424 + 24 → 901AA.
    expect(internationalDesignator(14_425, 2026).objectId).toBe('2026-901B');
    expect(internationalDesignator(14_448, 2026).objectId).toBe('2026-901AA');
  });

  it('the TLE field carries the year in two digits, zero-padded (2005 → 05, 2100 → 00)', () => {
    expect(internationalDesignator(0, 2005).tleField).toBe('05900A');
    expect(internationalDesignator(0, 2100).tleField).toBe('00900A');
    expect(internationalDesignator(25, 2005)).toEqual({ objectId: '2005-900AB', tleField: '05900AB' });
  });

  it('an epoch without a zone is UTC; an offset is honoured; a date that does not parse is refused', () => {
    const t0 = Date.UTC(2026, 2, 20, 0, 0, 0);
    expect(epochMs('2026-03-20T00:00:00')).toBe(t0);
    expect(epochMs('2026-03-20T00:00:00Z')).toBe(t0);
    expect(epochMs('2026-03-20T02:00:00+02:00')).toBe(t0);
    expect(epochMs('2026-03-19T18:30:00-05:30')).toBe(t0);
    expect(() => epochMs('2026-13-45T00:00:00')).toThrow(
      new RangeError("epoch '2026-13-45T00:00:00' is not an ISO 8601 date"),
    );
  });
});

describe('epochs on a machine 14 h east of Greenwich', () => {
  const savedTz = process.env['TZ'];
  afterEach(() => {
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
  });
  it('an epoch without a zone is still UTC (as patternEpoch.test.ts for pattern.ts)', (ctx) => {
    // Date.parse reads a date-time without a zone as local time: at UTC+14 (Line Islands) local midnight is 14 h
    // before UTC midnight. A worker thread (StrykerJS's vitest pool) cannot change its zone: skip there.
    process.env['TZ'] = 'Pacific/Kiritimati';
    if (Date.parse('2026-03-20T00:00:00') !== Date.UTC(2026, 2, 20) - 14 * 3600e3) ctx.skip();
    expect(epochMs('2026-03-20T00:00:00')).toBe(Date.UTC(2026, 2, 20));
    expect(epochMs('2026-03-20T10:00:00+05:00')).toBe(Date.UTC(2026, 2, 20, 5));
    // The written epochs are UTC too: day 79.00000000 in the TLE, midnight in the CSV.
    const c = spec('z', [shell({ name: 's', planes: 1, satsPerPlane: 1 })], '2026-03-20T00:00:00');
    expect(
      collect((s) => writeTle(c, s))
        .join('')
        .split('\n')[1]!
        .slice(18, 32),
    ).toBe('26079.00000000');
    expect(collect((s) => writeSatelliteCsv(c, s)).join('')).toContain(',2026-03-20T00:00:00.000Z,');
  });
});

describe('satellite records', () => {
  it('two shells: count, order, names, catalog numbers from the base, no cluster orbit', () => {
    const c = spec('k', [shell({ name: 'a', planes: 2, satsPerPlane: 3 }), shell({ name: 'b', planes: 1 })]);
    expect(satelliteCount(c)).toBe(2 * 3 + 1 * 2);
    const recs = [...satelliteRecords(c, 7)];
    expect(recs.map((r) => `${r.index}:${r.shell}:${r.plane}:${r.slot}:${r.catalogNumber}`)).toEqual([
      '0:a:0:0:7',
      '1:a:0:1:8',
      '2:a:0:2:9',
      '3:a:1:0:10',
      '4:a:1:1:11',
      '5:a:1:2:12',
      '6:b:0:0:13',
      '7:b:0:1:14',
    ]);
    expect(recs[5]!.name).toBe('k-a-P1-S2');
    expect(recs[7]!.objectId).toBe('2026-900H');
    expect(recs.every((r) => r.clusterOrbit === null)).toBe(true);
    // Walker-delta 2/3 slot 2 of plane 1: RAAN 10° + 180°, u = 2·120° + 1·360°/6 = 300°.
    expect(recs[5]!.elements.raan_rad / deg).toBeCloseTo(190, 9);
    expect(recs[5]!.elements.argumentOfLatitude_rad / deg).toBeCloseTo(300, 9);
  });

  it('cluster members carry their own relative orbit', () => {
    const g = shell({ name: 'cl', altitude_m: 650e3, pattern: 'cluster', planes: 1, satsPerPlane: 7, phasing: 0 });
    const cl = { ...g, clusterRadius_m: 1000 };
    const f = shellFormation(cl);
    const recs = [...satelliteRecords(spec('x', [cl]))];
    recs.forEach((r, k) => expect(r.clusterOrbit).toEqual(f.orbits[k]));
    expect(new Set(recs.map((r) => JSON.stringify(r.clusterOrbit))).size).toBe(7);
  });

  it('shell names that repeat are refused (satellite names would repeat)', () => {
    const c = spec('dup', [shell({ name: 'a' }), shell({ name: 'a', altitude_m: 600e3 })]);
    expect(() => [...satelliteRecords(c)]).toThrow(
      new RangeError('shell names must be unique to name satellites uniquely (dup)'),
    );
  });
});

describe('chunks', () => {
  const four = spec('c', [shell({ name: 's' })]);

  it('every TLE set is 3 + 2·69 + the name characters; a limit of exactly two sets gives two per chunk', () => {
    // Name 'c-s-P0-S0' (9 characters) + 3 LF + 2 lines of 69: 150 characters a set.
    const whole = collect((s) => writeTle(four, s)).join('');
    expect(whole.length).toBe(4 * 150);
    const chunks = collect((s) => writeTle(four, s, { chunkChars: 300 }));
    expect(chunks.map((c) => c.length)).toEqual([300, 300]);
    expect(chunks.join('')).toBe(whole);
    const smaller = collect((s) => writeTle(four, s, { chunkChars: 299 }));
    expect(smaller.map((c) => c.length)).toEqual([150, 150, 150, 150]);
  });

  it('a limit of 1: every piece goes alone, none is empty; the OMM array has no leading comma', () => {
    const two = spec('c', [shell({ name: 's', planes: 1 })]);
    const chunks = collect((s) => writeOmmJson(two, s, { chunkChars: 1 }));
    expect(chunks).toHaveLength(4); // '[', first object, ',' + second object, closing
    expect(chunks[0]).toBe('[');
    expect(chunks[1]!.startsWith('\n{')).toBe(true);
    expect(chunks[2]!.startsWith(',\n{')).toBe(true);
    expect(chunks[3]).toBe('\n]\n');
    const omm = JSON.parse(chunks.join('')) as { NORAD_CAT_ID: number }[];
    expect(omm.map((o) => o.NORAD_CAT_ID)).toEqual([100_000, 100_001]);
  });

  it('limits below 1 or not a number are refused', () => {
    for (const bad of [0, 0.5, -1, NaN])
      expect(() => writeTle(four, () => undefined, { chunkChars: bad })).toThrow(
        new RangeError(`chunkChars must be ≥ 1, got ${bad}`),
      );
  });

  it('an empty constellation: an empty OMM array, a header-only CSV, no TLE chunk at all', () => {
    const none = spec('e', []);
    expect(collect((s) => writeOmmJson(none, s)).join('')).toBe('[\n]\n');
    expect(collect((s) => writeSatelliteCsv(none, s))).toHaveLength(1);
    expect(collect((s) => writeTle(none, s))).toEqual([]);
    // With nothing to number, any base is accepted (the Alpha-5 limit applies to numbers written).
    expect(collect((s) => writeTle(none, s, { catalogBase: 400_000 }))).toEqual([]);
  });
});

describe('catalog bases', () => {
  const four = spec('c', [shell({ name: 's' })]);
  const msg = (base: number): RangeError =>
    new RangeError(
      `4 satellites from catalog number ${base} exceed the TLE limit 339999 (Alpha-5); export OMM instead`,
    );

  it('TLE: base 0 numbers from 00000; negative or fractional bases are refused with the limit named', () => {
    const sets = collect((s) => writeTle(four, s, { catalogBase: 0 }))
      .join('')
      .split('\n');
    expect([sets[1]!.slice(2, 7), sets[10]!.slice(2, 7)]).toEqual(['00000', '00003']);
    expect(() => writeTle(four, () => undefined, { catalogBase: -1 })).toThrow(msg(-1));
    expect(() => writeTle(four, () => undefined, { catalogBase: 1.5 })).toThrow(msg(1.5));
    // The last number allowed is 339,999: base 339,996 fits 4 satellites, 339,997 does not.
    expect(collect((s) => writeTle(four, s, { catalogBase: 339_996 })).join('')).toContain('\n1 Z9999U');
    expect(() => writeTle(four, () => undefined, { catalogBase: 339_997 })).toThrow(msg(339_997));
  });

  it('OMM and CSV take the same base', () => {
    const omm = JSON.parse(collect((s) => writeOmmJson(four, s, { catalogBase: 5 })).join('')) as {
      NORAD_CAT_ID: number;
    }[];
    expect(omm.map((o) => o.NORAD_CAT_ID)).toEqual([5, 6, 7, 8]);
    const rows = collect((s) => writeSatelliteCsv(four, s, { catalogBase: 5 }))
      .join('')
      .split('\r\n');
    expect(rows.slice(1, 5).map((r) => r.split(',')[4])).toEqual(['5', '6', '7', '8']);
  });
});

describe('CSV columns of a cluster member', () => {
  it("the reference member: SGP4's eccentricity floor 1e-6 along ω = 0, written in both columns", () => {
    const cl = shell({
      name: 'cl',
      altitude_m: 650e3,
      pattern: 'cluster',
      planes: 1,
      satsPerPlane: 7,
      phasing: 0,
      clusterRadius_m: 1000,
    });
    const rows = collect((s) => writeSatelliteCsv(spec('x', [cl]), s))
      .join('')
      .split('\r\n');
    const r0 = rows[1]!.split(',');
    expect(r0.slice(0, 3)).toEqual(['cl', '0', '0']);
    expect(r0[6]).toBe('650.000000');
    expect(r0[12]).toBe('1.000000e-6');
    expect(r0[13]).toBe('0.00000000');
    // The other members have an eccentricity of about |c|/a ≈ 1000 m / 7028 km ≈ 1.4e-4 ≫ 1e-6.
    for (const r of rows.slice(2, 8)) expect(Number(r.split(',')[12])).toBeGreaterThan(1e-5);
  });
});

/**
 * Element sets read from TLE (two-line, three-line, Space-Track "0 NAME", Alpha-5) and OMM (JSON, XML, CSV):
 * fields against the published ISS example of CelesTrak's TLE format page, malformed sets counted and skipped,
 * duplicates resolved to the latest epoch, the shipped snapshot read whole.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalogueNumber,
  elementFormat,
  emptySkips,
  readElementSets,
  type ElementSet,
} from '../../../src/constellation/catalogue/elementSets.js';
import { uniqueSets } from '../../../src/constellation/catalogue/catalogue.js';
import { prepare } from '../../../src/constellation/catalogue/screen.js';
import { sgp4 } from 'satellite.js';

// CelesTrak, "NORAD Two-Line Element Set Format" (celestrak.org/NORAD/documentation/tle-fmt.php): the ISS example.
const ISS_1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

/** Modulo-10 checksum written here: digits by value, '-' as 1, the rest 0. */
const checksum = (body: string): number =>
  [...body].reduce((s, c) => s + (c >= '0' && c <= '9' ? Number(c) : c === '-' ? 1 : 0), 0) % 10;
/** The line with columns 3–7 replaced by `cat` and its checksum redone. */
const renumber = (line: string, cat: string): string => {
  const body = line.slice(0, 2) + cat + line.slice(7, 68);
  return body + checksum(body);
};

const read = (text: string) => {
  const skips = emptySkips();
  return { ...readElementSets(text, skips), skips };
};

describe('TLE', () => {
  it('three-line ISS: number, name, epoch 2008 day 264.51782528 = 2008-09-20 12:25:40.104 UTC', () => {
    const r = read(`ISS (ZARYA)\n${ISS_1}\n${ISS_2}\n`);
    expect(r.format).toBe('tle');
    expect(r.sets).toHaveLength(1);
    const s = r.sets[0]!;
    expect(s.norad).toBe(25544);
    expect(s.name).toBe('ISS (ZARYA)');
    // 2008 is a leap year: Jan–Aug hold 244 days, so day 264 is 20 September; 0.51782528 d = 12:25:40.104
    expect(s.epoch_ms).toBeCloseTo(Date.UTC(2008, 8, 20, 12, 25, 40, 104), -1);
  });

  it('two-line sets (no names), CRLF line ends and blank lines', () => {
    const r = read(`${ISS_1}\r\n${ISS_2}\r\n\r\n${renumber(ISS_1, '25545')}\r\n${renumber(ISS_2, '25545')}\r\n`);
    expect(r.sets.map((s) => [s.norad, s.name])).toEqual([
      [25544, 'NORAD 25544'],
      [25545, 'NORAD 25545'],
    ]);
    expect(r.skips).toEqual(emptySkips());
  });

  it('Space-Track 3LE: "0 NAME" lines and numbers without leading zeros; Alpha-5 numbers', () => {
    const r = read(
      `0 VANGUARD 1\n${renumber(ISS_1, '    5')}\n${renumber(ISS_2, '    5')}\n` +
        `0 FUTURE SAT\n${renumber(ISS_1, 'A0001')}\n${renumber(ISS_2, 'A0001')}\n` +
        `0 LAST\n${renumber(ISS_1, 'Z9999')}\n${renumber(ISS_2, 'Z9999')}\n`,
    );
    expect(r.sets.map((s) => [s.norad, s.name])).toEqual([
      [5, 'VANGUARD 1'],
      [100_001, 'FUTURE SAT'], // A = 10 → 10·10,000 + 1
      [339_999, 'LAST'], // Z = 33
    ]);
    expect(catalogueNumber('I0001')).toBeNaN(); // no I or O in Alpha-5
    expect(catalogueNumber('J0000')).toBe(180_000); // J follows H (no I): 18
  });

  it('a bad checksum, a truncated line, a lone line 1 and a name without a set are skipped and counted', () => {
    const badSum = ISS_1.slice(0, 68) + ((Number(ISS_1[68]) + 1) % 10);
    const r = read(
      [
        'BAD SUM',
        badSum,
        ISS_2,
        'SHORT',
        ISS_1.slice(0, 60),
        ISS_2,
        'LONE',
        ISS_1,
        'NAME ONLY',
        'GOOD',
        renumber(ISS_1, '11111'),
        renumber(ISS_2, '11111'),
      ].join('\n'),
    );
    expect(r.sets.map((s) => s.name)).toEqual(['GOOD']);
    expect(r.skips.checksum).toBe(1);
    // the truncated pair, the lone line 1, the name without a set
    expect(r.skips.format).toBe(3);
  });

  it('line 1 and line 2 of different objects are a format error', () => {
    const r = read(`${ISS_1}\n${renumber(ISS_2, '25545')}\n`);
    expect(r.sets).toEqual([]);
    expect(r.skips.format).toBe(1);
  });

  it('the shipped snapshot reads whole: 16,069 active and 2,649 debris sets, none skipped (its README)', () => {
    for (const [file, n] of [
      ['celestrak-active-2026-08-22.tle', 16_069],
      ['celestrak-debris-clouds-2026-08-22.tle', 2_649],
    ] as const) {
      const r = read(readFileSync(join(import.meta.dirname, '../../../designs/catalogue', file), 'utf8'));
      expect(r.sets).toHaveLength(n);
      expect(r.skips).toEqual(emptySkips());
    }
  });
});

// The ISS example as CelesTrak's OMM keys (GP data formats page): the same elements in degrees and rev/day.
const ISS_OMM = {
  OBJECT_NAME: 'ISS (ZARYA)',
  OBJECT_ID: '1998-067A',
  EPOCH: '2008-09-20T12:25:40.104192',
  MEAN_MOTION: '15.72125391',
  ECCENTRICITY: '.0006703',
  INCLINATION: '51.6416',
  RA_OF_ASC_NODE: '247.4627',
  ARG_OF_PERICENTER: '130.5360',
  MEAN_ANOMALY: '325.0288',
  NORAD_CAT_ID: '25544',
  BSTAR: '-.11606E-4',
  MEAN_MOTION_DOT: '-.00002182',
  MEAN_MOTION_DDOT: '0',
};

/** Position [km] of a set 90 min after its epoch. */
function positionAt90(s: ElementSet): [number, number, number] {
  const p = prepare(s, { start_ms: s.epoch_ms + 90 * 60_000, span_s: 60 })!;
  const pv = sgp4(p.satrec, p.tsince0_min)!;
  return [pv.position.x, pv.position.y, pv.position.z];
}

describe('OMM', () => {
  it('JSON with values as text (Space-Track) flies the same orbit as the TLE, within 1 m after 90 min', () => {
    const j = read(JSON.stringify([ISS_OMM]));
    expect(j.format).toBe('omm-json');
    expect(j.sets.map((s) => [s.norad, s.name])).toEqual([[25544, 'ISS (ZARYA)']]);
    const t = read(`${ISS_1}\n${ISS_2}\n`).sets[0]!;
    const a = positionAt90(j.sets[0]!);
    const b = positionAt90(t);
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(1e-3);
  });

  it('XML (an NDM of OMMs) and CSV (GP CSV) read the same set', () => {
    const leaves = Object.entries(ISS_OMM)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    const xml = read(
      `<?xml version="1.0"?>\n<ndm><omm id="CCSDS_OMM_VERS" version="2.0"><body><segment>${leaves}</segment></body></omm></ndm>`,
    );
    expect(xml.format).toBe('omm-xml');
    const csv = read(
      `${Object.keys(ISS_OMM).join(',')}\r\n${Object.values(ISS_OMM)
        .map((v) => `"${v}"`)
        .join(',')}\r\n`,
    );
    expect(csv.format).toBe('omm-csv');
    for (const r of [xml, csv]) {
      expect(r.sets.map((s) => [s.norad, s.name])).toEqual([[25544, 'ISS (ZARYA)']]);
      expect(r.sets[0]!.epoch_ms).toBe(Date.UTC(2008, 8, 20, 12, 25, 40, 104.192));
    }
  });

  it('a record without mean motion, or with a non-numeric field or a bad epoch, is skipped and counted', () => {
    const { MEAN_MOTION: _, ...noMotion } = ISS_OMM;
    const r = read(
      JSON.stringify([noMotion, { ...ISS_OMM, INCLINATION: 'abc' }, { ...ISS_OMM, EPOCH: 'yesterday' }, 7, ISS_OMM]),
    );
    expect(r.sets).toHaveLength(1);
    expect(r.skips.format).toBe(4);
  });

  it('the format is told by the first characters', () => {
    expect(elementFormat('  [ {')).toBe('omm-json');
    expect(elementFormat('<ndm>')).toBe('omm-xml');
    expect(elementFormat('OBJECT_NAME,MEAN_MOTION\n')).toBe('omm-csv');
    expect(elementFormat(`${ISS_1}\n`)).toBe('tle');
  });
});

describe('duplicates', () => {
  it('one set per NORAD number: the latest epoch kept, the others counted', () => {
    const skips = emptySkips();
    const set = (norad: number, epoch_ms: number, name: string): ElementSet => ({
      norad,
      name,
      epoch_ms,
      source: { omm: {} },
    });
    const kept = uniqueSets([set(1, 10, 'old'), set(2, 5, 'b'), set(1, 20, 'new'), set(1, 15, 'mid')], skips);
    expect(kept.map((s) => s.name)).toEqual(['new', 'b']);
    expect(skips.duplicate).toBe(2);
  });
});

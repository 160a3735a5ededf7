/**
 * TLE fields and lines (src/constellation/export/tleFormat.ts) against published element sets and the format's own
 * rules: the verification sets of Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
 * 2006-6753 (sgp4-ver.tle: 00005, 06251) and Spacetrack Report #3's test set 88888, each rebuilt byte for byte from its
 * elements; the field definitions of CelesTrak's "NORAD Two-Line Element Set Format" (T.S. Kelso) for exponent
 * fields (±0.MMMMM × 10^±E), the epoch (YYDDD.DDDDDDDD, 57–99 → 19xx, 00–56 → 20xx), angles and whole numbers.
 * Fast: no constellation is built, so a scoped mutation run can use it.
 */
import { describe, expect, it } from 'vitest';
import {
  alpha5,
  tleChecksum,
  tleEpochField,
  tleExponentField,
  tleLines,
  type TleElementSet,
} from '../../../src/constellation/export/tleFormat.js';

const DAY_ms = 86_400_000;
/** UTC instant of day-of-year `day` (1 = 1 January 0h, fraction included) of `year`, as the TLE epoch field reads. */
const epoch = (year: number, day: number) => Date.UTC(year, 0, 1) + (day - 1) * DAY_ms;

/** sgp4-ver.tle, 00005 (Vanguard 1, 58002B): e = 0.186, epoch 2000 day 179.78495062. */
const SAT5: TleElementSet = {
  catalogNumber: 5,
  classification: 'U',
  internationalDesignator: '58002B',
  epoch_ms: epoch(2000, 179.78495062),
  meanMotionDot_rev_per_day2: 0.00000023,
  meanMotionDdot_rev_per_day3: 0,
  bstar_per_earth_radius: 0.28098e-4,
  elementSetNumber: 475,
  inclination_deg: 34.2682,
  raan_deg: 348.7242,
  eccentricity: 0.1859667,
  argOfPerigee_deg: 331.7664,
  meanAnomaly_deg: 19.3264,
  meanMotion_rev_per_day: 10.82419157,
  revolutionNumber: 41366,
};

describe('published element sets, rebuilt byte for byte', () => {
  it('00005 (AIAA 2006-6753): year 2000 written 00, two-digit angles padded, e = 0.1859667', () => {
    expect(tleLines(SAT5)).toEqual([
      '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753',
      '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667',
    ]);
  });

  it('06251 (AIAA 2006-6753): BSTAR 0.12808e-3, element set 398, revolution 677 right-aligned', () => {
    const lines = tleLines({
      catalogNumber: 6251,
      classification: 'U',
      internationalDesignator: '62025E',
      epoch_ms: epoch(2006, 176.82412014),
      meanMotionDot_rev_per_day2: 0.00008885,
      meanMotionDdot_rev_per_day3: 0,
      bstar_per_earth_radius: 0.12808e-3,
      elementSetNumber: 398,
      inclination_deg: 58.0579,
      raan_deg: 54.0425,
      eccentricity: 0.0030035,
      argOfPerigee_deg: 139.1568,
      meanAnomaly_deg: 221.1854,
      meanMotion_rev_per_day: 15.56387291,
      revolutionNumber: 677,
    });
    expect(lines).toEqual([
      '1 06251U 62025E   06176.82412014  .00008885  00000-0  12808-3 0  3985',
      '2 06251  58.0579  54.0425 0030035 139.1568 221.1854 15.56387291  6774',
    ]);
  });

  it('88888 (Spacetrack Report #3): a year of the 1900s, a blank designator, n̈/6 = 0.13844e-3', () => {
    const lines = tleLines({
      catalogNumber: 88888,
      classification: 'U',
      internationalDesignator: '',
      epoch_ms: epoch(1980, 275.98708465),
      meanMotionDot_rev_per_day2: 0.00073094,
      meanMotionDdot_rev_per_day3: 0.13844e-3,
      bstar_per_earth_radius: 0.66816e-4,
      elementSetNumber: 8,
      inclination_deg: 72.8435,
      raan_deg: 115.9689,
      eccentricity: 0.0086731,
      argOfPerigee_deg: 52.6988,
      meanAnomaly_deg: 110.5714,
      meanMotion_rev_per_day: 16.05824518,
      revolutionNumber: 105,
    });
    expect(lines).toEqual([
      '1 88888U          80275.98708465  .00073094  13844-3  66816-4 0    87',
      '2 88888  72.8435 115.9689 0086731  52.6988 110.5714 16.05824518  1058',
    ]);
  });
});

describe('checksum: digits their value, a minus sign 1, anything else 0, modulo 10, over columns 1–68', () => {
  it('letters, blanks, plus signs and points count 0; the 69th character is not summed', () => {
    expect(tleChecksum('1 A+. 9')).toBe(0); // 1 + 9 = 10
    expect(tleChecksum('--7')).toBe(9);
    expect(tleChecksum(`${'0'.repeat(67)}5`)).toBe(5);
    expect(tleChecksum(`${'0'.repeat(68)}5`)).toBe(0);
  });
});

describe('exponent fields ±MMMMM±E = ±0.MMMMM × 10^±E', () => {
  it('zero, values around 1 and the carry when the mantissa rounds up to 1.00000', () => {
    expect(tleExponentField(0)).toBe(' 00000-0');
    expect(tleExponentField(0.5)).toBe(' 50000+0');
    expect(tleExponentField(1)).toBe(' 10000+1');
    expect(tleExponentField(-123.456)).toBe('-12346+3');
    expect(tleExponentField(0.999996)).toBe(' 10000+1'); // 0.99999|6 rounds to 1.00000 = 0.10000 × 10¹
    expect(tleExponentField(-0.11606e-4)).toBe('-11606-4');
  });

  it('exponents −9…9 fit; beyond them the value is refused', () => {
    expect(tleExponentField(1e-10)).toBe(' 10000-9');
    expect(tleExponentField(1e8)).toBe(' 10000+9');
    expect(() => tleExponentField(1e-11)).toThrow(new RangeError('1e-11 does not fit a TLE exponent field'));
    expect(() => tleExponentField(-1e9)).toThrow(new RangeError('-1000000000 does not fit a TLE exponent field'));
  });
});

describe('epoch field YYDDD.DDDDDDDD', () => {
  it('1 January 0h is day 001; the year wraps 1957…2056 onto two digits', () => {
    expect(tleEpochField(Date.UTC(1957, 0, 1))).toBe('57001.00000000');
    expect(tleEpochField(Date.UTC(2000, 0, 1))).toBe('00001.00000000');
    expect(tleEpochField(Date.UTC(2009, 1, 1, 6))).toBe('09032.25000000'); // 1 Feb = day 32, 6 h = 0.25 d
    expect(tleEpochField(Date.UTC(2056, 11, 31, 12))).toBe('56366.50000000'); // 2056 is a leap year
  });

  it('an instant within half a 1e-8 day of New Year is written as the next year, day 001', () => {
    // 0.4 ms = 4.6e-9 day before 2022: 364.99999999|54 days rounds to 365.00000000, day 366 of a 365-day year.
    expect(tleEpochField(Date.UTC(2022, 0, 1) - 0.4)).toBe('22001.00000000');
    expect(tleEpochField(Date.UTC(2022, 0, 1) - 0.6)).toBe('21365.99999999');
  });

  it('years outside 1957–2056 are refused', () => {
    expect(() => tleEpochField(Date.UTC(1956, 11, 31))).toThrow(new RangeError('TLE epochs cover 1957–2056, got 1956'));
    expect(() => tleEpochField(Date.UTC(2057, 0, 1) - 0.4)).toThrow(
      new RangeError('TLE epochs cover 1957–2056, got 2057'),
    );
  });
});

describe('line 2 angles, whole numbers and the ranges tleLines refuses', () => {
  const line2 = (change: Partial<TleElementSet>) => tleLines({ ...SAT5, ...change })[1];

  it('RAAN, ω and M wrap into [0°, 360°), a value that rounds to 360.0000 is 0; inclination is not wrapped', () => {
    expect(line2({ raan_deg: -10 }).slice(17, 25)).toBe('350.0000');
    expect(line2({ raan_deg: 720.5 }).slice(17, 25)).toBe('  0.5000');
    expect(line2({ argOfPerigee_deg: 359.99996 }).slice(34, 42)).toBe('  0.0000');
    expect(line2({ meanAnomaly_deg: 360 }).slice(43, 51)).toBe('  0.0000');
    expect(line2({ inclination_deg: 180 }).slice(8, 16)).toBe('180.0000');
    expect(line2({ inclination_deg: 0 }).slice(8, 16)).toBe('  0.0000');
  });

  it('eccentricity: 7 digits after an implied point, capped at 9999999 just below 1', () => {
    expect(line2({ eccentricity: 0 }).slice(26, 33)).toBe('0000000');
    expect(line2({ eccentricity: 0.99999999 }).slice(26, 33)).toBe('9999999');
  });

  it('ṅ/2 carries its sign in column 34 and eight decimals', () => {
    expect(tleLines({ ...SAT5, meanMotionDot_rev_per_day2: -0.5 })[0].slice(33, 43)).toBe('-.50000000');
    expect(tleLines({ ...SAT5, meanMotionDot_rev_per_day2: 0.99999999 })[0].slice(33, 43)).toBe(' .99999999');
    expect(tleLines({ ...SAT5, meanMotionDot_rev_per_day2: 0 })[0].slice(33, 43)).toBe(' .00000000'); // zero: blank
  });

  it('a mean motion below 10 rev/day is right-aligned in columns 53-63 (a geostationary orbit: 1.0027 rev/day)', () => {
    const line = tleLines({ ...SAT5, meanMotion_rev_per_day: 1.00271173 })[1];
    expect(line.slice(52, 63)).toBe(' 1.00271173');
    expect(line).toHaveLength(69);
  });

  it('element set number 0…9999 and revolution number 0…99999, whole', () => {
    expect(tleLines({ ...SAT5, elementSetNumber: 9999 })[0].slice(64, 68)).toBe('9999');
    expect(line2({ revolutionNumber: 99999 }).slice(63, 68)).toBe('99999');
    expect(line2({ revolutionNumber: 0 }).slice(63, 68)).toBe('    0');
    const refuse = (change: Partial<TleElementSet>, message: string) =>
      expect(() => tleLines({ ...SAT5, ...change })).toThrow(new RangeError(message));
    refuse({ elementSetNumber: 10000 }, 'TLE element set number must be a whole number 0…9999, got 10000');
    refuse({ elementSetNumber: -1 }, 'TLE element set number must be a whole number 0…9999, got -1');
    refuse({ elementSetNumber: 1.5 }, 'TLE element set number must be a whole number 0…9999, got 1.5');
    refuse({ revolutionNumber: 100000 }, 'TLE revolution number must be a whole number 0…99999, got 100000');
  });

  it('refuses a designator over 8 characters, |ṅ/2| ≥ 1, e outside [0, 1), i outside [0°, 180°], n outside (0, 100)', () => {
    const refuse = (change: Partial<TleElementSet>, message: string) =>
      expect(() => tleLines({ ...SAT5, ...change })).toThrow(new RangeError(message));
    refuse(
      { internationalDesignator: '58002ABCD' },
      "international designator '58002ABCD' is longer than 8 characters",
    );
    expect(tleLines({ ...SAT5, internationalDesignator: '58002ABC' })[0].slice(9, 17)).toBe('58002ABC');
    refuse({ meanMotionDot_rev_per_day2: 1 }, 'TLE ṅ/2 must be below 1 rev/day², got 1');
    refuse({ meanMotionDot_rev_per_day2: -1 }, 'TLE ṅ/2 must be below 1 rev/day², got -1');
    refuse({ eccentricity: 1 }, 'TLE eccentricity must be in [0, 1), got 1');
    refuse({ eccentricity: -0.1 }, 'TLE eccentricity must be in [0, 1), got -0.1');
    refuse({ inclination_deg: -1 }, 'TLE inclination must be in [0°, 180°], got -1');
    refuse({ inclination_deg: 180.5 }, 'TLE inclination must be in [0°, 180°], got 180.5');
    refuse({ meanMotion_rev_per_day: 0 }, 'TLE mean motion must be in (0, 100) rev/day, got 0');
    refuse({ meanMotion_rev_per_day: 100 }, 'TLE mean motion must be in (0, 100) rev/day, got 100');
    expect(line2({ meanMotion_rev_per_day: 99.99999999 }).slice(52, 63)).toBe('99.99999999');
  });
});

describe('Alpha-5 catalog field', () => {
  it('five digits below 100,000; a letter for 10…33 ten-thousands above (A = 10, H = 17, J = 18, Z = 33)', () => {
    expect(alpha5(0)).toBe('00000');
    expect(alpha5(170001)).toBe('H0001');
    expect(alpha5(189999)).toBe('J9999');
    expect(alpha5(230000)).toBe('P0000'); // N = 22, P = 23: no O
    expect(tleLines({ ...SAT5, catalogNumber: 100005 })[1].slice(2, 7)).toBe('A0005');
  });

  it('the ends of each form: 99,999 is digits, 100,000 is A0000, 339,999 is Z9999 and 340,000 is refused', () => {
    expect(alpha5(99999)).toBe('99999');
    expect(alpha5(100000)).toBe('A0000');
    expect(alpha5(339999)).toBe('Z9999');
    expect(() => alpha5(340000)).toThrow(new RangeError('TLE catalog numbers run 0…339999 (Alpha-5), got 340000'));
  });

  it('refuses a negative or fractional number, naming the range', () => {
    expect(() => alpha5(-1)).toThrow(new RangeError('TLE catalog numbers run 0…339999 (Alpha-5), got -1'));
    expect(() => alpha5(1.5)).toThrow(new RangeError('TLE catalog numbers run 0…339999 (Alpha-5), got 1.5'));
  });
});

/**
 * `odc screen` as users run it: a design file, a run's knee and a file of own element sets against small catalogues
 * written here; bad input (a corrupted line, an empty file, only decayed objects, epochs years away, a 10^6-line
 * file) gives a clear message, exit 2 where nothing can be screened, and no half-written --out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tinyRun } from '../../report/helpers.js';
import { readAnswer } from '../../../src/run/answer/read.js';

const dir = tempDir('odc-screen-');
const ACTIVE = readFileSync('designs/catalogue/celestrak-active-2026-08-22.tle', 'utf8').split(/\r?\n/);
/** The i-th three-line set of the shipped active file (CRLF removed). */
const activeSet = (i: number): string[] => ACTIVE.slice(3 * i, 3 * i + 3).map((l) => l.trimEnd());
/** Sets whose line 2 mean motion puts them near 540–570 km (15.05–15.25 rev/day), first `n`. */
function nearSets(n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; 3 * i + 2 < ACTIVE.length && out.length < n; i++) {
    const s = activeSet(i);
    const mm = Number(s[2]!.slice(52, 63));
    if (mm > 15.05 && mm < 15.25) out.push(s);
  }
  return out;
}

let catalogue: string;
beforeAll(() => {
  catalogue = writeFile(dir, 'near.tle', `${nearSets(400).flat().join('\n')}\n`);
});

const json = (out: string) =>
  JSON.parse(out) as {
    events: { own: string; norad: number; name: string; tca: string; miss_m: number; relativeSpeed_m_s: number }[];
    totals: { below_km: number; events: number; perSatelliteYear: number }[];
    catalogue: { skipped: Record<string, number>; screened: number };
    own: { satellites: number };
    screen: { start: string; note: string };
  };

describe('odc screen', () => {
  it('own element sets (a corrupted line among them) against a catalogue: events with their fields, JSON layout', async () => {
    const own = nearSets(403).slice(400); // three satellites not in the catalogue file
    const bad = own[1]!.map((l, j) => (j === 2 ? `${l.slice(0, 30)}X${l.slice(31)}` : l));
    const file = writeFile(dir, 'own.tle', [...own[0]!, ...bad, ...own[2]!].join('\n'));
    const r = await odc('screen', file, '--catalogue', catalogue, '--hours', '24', '--threshold-km', '10', '--json');
    expect(r.code, r.err).toBe(0);
    const j = json(r.out);
    expect(j.own.satellites).toBe(2);
    expect(j.screen.note).toContain('not a risk assessment');
    expect(j.totals.map((t) => t.below_km)).toEqual([1, 5, 10]);
    // 24 h of 2 satellites is 2/365.25 satellite-years
    expect(j.totals[2]!.perSatelliteYear).toBeCloseTo((j.totals[2]!.events * 365.25) / 2, 6);
    for (const e of j.events) {
      expect(Object.keys(e)).toEqual(['own', 'norad', 'name', 'tca', 'miss_m', 'relativeSpeed_m_s']);
      expect(e.miss_m).toBeLessThan(10_000);
      expect(e.relativeSpeed_m_s).toBeLessThan(16_000);
    }
  });

  it('a design file (node) is placed at the start and screened; the text names the epochs and ages', async () => {
    const r = await odc('screen', 'designs/ai1.yaml', '--catalogue', catalogue, '--hours', '6');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Epochs 2026-/);
    expect(r.out).toMatch(/age at the start/);
    expect(r.out).toContain('Close approaches:');
  });

  it('--start is the catalogue median epoch unless given; a bad --start is refused', async () => {
    const r = await odc(
      'screen',
      'designs/ai1.yaml',
      '--catalogue',
      catalogue,
      '--hours',
      '1',
      '--start',
      '2026-02-31',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('--start');
  });

  it('two workers give the same bytes as one thread (a 12-satellite shell split by satellites)', async () => {
    const shell = writeFile(dir, 'own12.tle', nearSets(412).slice(400).flat().join('\n'));
    const args = ['screen', shell, '--catalogue', catalogue, '--hours', '12', '--threshold-km', '10', '--json'];
    const one = await odc(...args, '--workers', '0');
    const two = await odc(...args, '--workers', '2');
    expect(one.code, one.err).toBe(0);
    expect(two.code, two.err).toBe(0);
    expect(json(one.out).own.satellites).toBe(12);
    expect(two.out).toBe(one.out);
  });

  describe('bad input: exit 2, a message, nothing written', () => {
    const fails = async (what: string, file: string, message: RegExp) => {
      const out = join(dir, `${what}.json`);
      const r = await odc('screen', 'designs/ai1.yaml', '--catalogue', file, '--hours', '1', '--out', out);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/^odc: /);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    };
    it('an empty file', () => fails('empty', writeFile(dir, 'empty.tle', ''), /no element set could be read/));
    it('a file of only decayed objects (mean motion 17.3 rev/day: a below the Earth radius)', () => {
      const [name, l1, l2] = activeSet(5);
      const body2 = `${l2!.slice(0, 52)}17.30000000${l2!.slice(63, 68)}`;
      const sum = [...body2].reduce((s, c) => s + (c >= '0' && c <= '9' ? Number(c) : c === '-' ? 1 : 0), 0) % 10;
      return fails('decayed', writeFile(dir, 'decayed.tle', [name, l1, body2 + sum].join('\n')), /nothing to screen/);
    });
    it('epochs years away from the start', async () => {
      const out = join(dir, 'old.json');
      const r = await odc(
        'screen',
        'designs/ai1.yaml',
        '--catalogue',
        catalogue,
        '--start',
        '2030-01-01',
        '--hours',
        '1',
        '--out',
        out,
      );
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/more than 30 days from the start/);
      expect(existsSync(out)).toBe(false);
    });
    it('a 10^6-line file of no element sets', () =>
      fails(
        'huge',
        writeFile(dir, 'huge.tle', 'not an element set\n'.repeat(1_000_000)),
        /no element set could be read/,
      ));
    it('a JSON file that does not parse', () =>
      fails('badjson', writeFile(dir, 'bad.json', '[{"a": '), /not OMM JSON/));
  });

  describe('a run design', () => {
    let run: string;
    beforeAll(async () => {
      run = await tinyRun(dir, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
    }, 600_000);
    it('RUN:knee screens the knee node; a missing run design is a clear error', async () => {
      const r = await odc('screen', `${run}:knee`, '--catalogue', catalogue, '--hours', '2', '--json');
      expect(r.code, r.err).toBe(0);
      expect(json(r.out).own.satellites).toBe(1);
      // the screen of the run's answer is kept beside answer.json and its count recorded in the answer, which the
      // report then states beside the flux estimate
      expect(r.err).toContain('recorded the screen');
      const kept = JSON.parse(readFileSync(join(run, 'screen-knee.json'), 'utf8')) as ReturnType<typeof json>;
      expect(kept.totals).toEqual(json(r.out).totals);
      const answer = readAnswer(run)!;
      const five = json(r.out).totals.find((t) => t.below_km === 5)!;
      expect(answer.environment?.screen).toMatchObject({ file: 'screen-knee.json', hours: 2, events: five.events });
      const rep = await odc('report', run);
      expect(rep.code, rep.err).toBe(0);
      const md = readFileSync(join(run, 'report.md'), 'utf8');
      expect(md).toContain('Environment');
      expect(md).toContain(`found ${five.events} approaches below 5 km`);
      expect(existsSync(join(run, 'environment.svg'))).toBe(true);
      const bad = await odc('screen', `${run}:99999`, '--catalogue', catalogue, '--hours', '1');
      expect(bad.code).toBe(2);
    });
  });
});

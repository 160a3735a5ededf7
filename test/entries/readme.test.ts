/**
 * The README's "Flagship study: what binds" paragraph against the run it describes: the test runs the README's study
 * (`odc run designs/flagship-study.yaml`, its own budget and seed) and checks every figure the paragraph quotes on the
 * front it finds; a figure in the paragraph that no check below reads fails the test, so a new figure cannot be quoted
 * unchecked. A failure prints the run's value, which is what the README should say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { tempDir } from '../helpers/tmp.js';

const STUDY = 'designs/flagship-study.yaml';
const paragraph = (): string => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('## Flagship study: what binds');
  expect(start).toBeGreaterThan(0);
  const body = readme.slice(start + '## Flagship study: what binds'.length);
  return body.slice(0, body.indexOf('\n## ')).replace(/\s+/g, ' ');
};

/** The one match of `re` in the paragraph, its groups; fails naming the pattern when the wording changed. */
function quoted(text: string, re: RegExp): string[] {
  const m = re.exec(text);
  if (!m) throw new Error(`README flagship paragraph: no match for ${re}`);
  return m.slice(1);
}

/** Whether `v` reads as the quoted `q` at the quoted precision (545 → nearest integer, 2.1 → one decimal). */
function readsAs(v: number, q: string): boolean {
  const decimals = q.includes('.') ? q.split('.')[1]!.length : 0;
  return Number(v.toFixed(decimals)) === Number(q);
}

let records: DesignRecord[];
let seed: number;

beforeAll(async () => {
  const out = join(tempDir('odc-readme-'), 'run');
  const s = await runStudy({ studyPath: STUDY, outDir: out, workers: 0 });
  expect(s.status).toBe('complete');
  const pareto = JSON.parse(readFileSync(join(out, 'pareto.json'), 'utf8')) as ParetoFile;
  records = pareto.designs.map((d) => d.record as DesignRecord);
  seed = (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { algorithm: { seed: number } }).algorithm.seed;
}, 900_000);

describe('README flagship figures', () => {
  it('every figure of the paragraph is the run\u2019s', () => {
    const text = paragraph();
    const checked: string[] = [];
    const check = (figure: string, ok: boolean, runValue: string): void => {
      checked.push(figure);
      expect(ok, `README quotes ${figure}; the run gives ${runValue}`).toBe(true);
    };
    expect(records.length).toBeGreaterThan(0);
    const range = (f: (r: DesignRecord) => number): string => {
      const v = records.map(f);
      return `${Math.min(...v)} … ${Math.max(...v)}`;
    };

    const [seedQ] = quoted(text, /\(seed (\d+)\)/);
    check(seedQ!, seed === Number(seedQ), String(seed));
    // dawn-dusk sun-synchronous: SSO with the ascending node at 6 h (or 18 h) local time
    expect(text).toContain('dawn-dusk sun-synchronous');
    const dawnDusk = (r: DesignRecord): boolean => r.orbit.ltan_h !== null && Math.abs((r.orbit.ltan_h % 12) - 6) < 0.5;
    expect(records.every(dawnDusk), `LTAN ${range((r) => r.orbit.ltan_h ?? NaN)} h`).toBe(true);
    const [altLo, altHi] = quoted(text, /(\d+)–(\d+) km/);
    const altitudes = records.map((r) => r.orbit.altitude_km);
    check(altLo!, readsAs(Math.min(...altitudes), altLo!), `${Math.min(...altitudes)} km`);
    check(altHi!, readsAs(Math.max(...altitudes), altHi!), `${Math.max(...altitudes)} km`);
    const [lo, hi] = quoted(text, /(\d+)–(\d+) GB300-class GPUs/);
    const chips = records.map((r) => r.compute.chips);
    check(lo!, Math.min(...chips) === Number(lo), `${Math.min(...chips)} chips`);
    check(hi!, Math.max(...chips) === Number(hi), `${Math.max(...chips)} chips`);
    expect(records.every((r) => r.compute.chip === 'gb300')).toBe(true);
    const [linkQ] = quoted(text, /(\d+) Gbps links/);
    check(
      linkQ!,
      records.every((r) => r.isl.capacity_Gbps / r.isl.terminals === Number(linkQ)),
      `${range((r) => r.isl.capacity_Gbps / r.isl.terminals)} Gbps per terminal`,
    );
    // "until the FCC 5-year passive-decay limit binds on the highest designs": none above it, the highest within 2 %
    const [fccQ] = quoted(text, /FCC (\d+)-year/);
    const highest = records.reduce((a, r) => (r.orbit.altitude_km > a.orbit.altitude_km ? r : a));
    check(
      fccQ!,
      records.every((r) => r.drag.passiveDecay_yr <= Number(fccQ) * (1 + 1e-9)) &&
        Math.abs(highest.drag.passiveDecay_yr - Number(fccQ)) <= 0.02 * Number(fccQ),
      `passive decay ${range((r) => r.drag.passiveDecay_yr)} yr`,
    );
    // "shielding spans 2.1–5.6 mm Al, the thinnest where the mission dose meets the chip tolerance": dose within 2 %
    const [shLo, shHi] = quoted(text, /shielding spans (\d+(?:\.\d+)?)–(\d+(?:\.\d+)?) mm Al/);
    const shields = records.map((r) => r.radiation.shielding_mm_al);
    check(shLo!, readsAs(Math.min(...shields), shLo!), `${Math.min(...shields)} mm Al`);
    check(shHi!, readsAs(Math.max(...shields), shHi!), `${Math.max(...shields)} mm Al`);
    const thinnest = records.reduce((a, r) => (r.radiation.shielding_mm_al < a.radiation.shielding_mm_al ? r : a));
    expect(thinnest.radiation.missionDose_rad).toBeGreaterThanOrEqual(0.98 * thinnest.radiation.tolerance_rad);
    // "the eclipse policy spans keeping 25–100 % of compute through eclipses"
    const [ecLo, ecHi] = quoted(text, /keeping (\d+)–(\d+) % of compute/);
    const kept = records.map((r) => 100 * r.power.eclipseComputeFraction);
    check(ecLo!, readsAs(Math.min(...kept), ecLo!), `${Math.min(...kept)} %`);
    check(ecHi!, readsAs(Math.max(...kept), ecHi!), `${Math.max(...kept)} %`);
    // "the chip count spans the band between the 120 kW average and 150 kW peak IT power constraints": both hold,
    // and the fewest chips sit within one chip of the average floor, the most within one chip of the peak ceiling.
    const [avgQ, peakQ] = quoted(text, /(\d+) kW average and (\d+) kW peak/);
    const fewest = records.reduce((a, r) => (r.compute.chips < a.compute.chips ? r : a));
    const most = records.reduce((a, r) => (r.compute.chips > a.compute.chips ? r : a));
    const avgPerChip = fewest.compute.itPowerAvg_W / fewest.compute.chips;
    const peakPerChip = most.compute.itPowerPeak_W / most.compute.chips;
    const avgFloor = Number(avgQ) * 1e3,
      peakCeiling = Number(peakQ) * 1e3;
    check(
      avgQ!,
      records.every((r) => r.compute.itPowerAvg_W >= avgFloor) && fewest.compute.itPowerAvg_W - avgFloor < avgPerChip,
      `${range((r) => r.compute.itPowerAvg_W)} W average`,
    );
    check(
      peakQ!,
      records.every((r) => r.compute.itPowerPeak_W <= peakCeiling) &&
        peakCeiling - most.compute.itPowerPeak_W < peakPerChip,
      `${range((r) => r.compute.itPowerPeak_W)} W peak`,
    );
    // "the link requirement (400 Gbps) selects the grid topology on every design"
    const [reqQ] = quoted(text, /requirement \((\d+) Gbps\) selects the grid topology on every design/);
    check(
      reqQ!,
      records.every((r) => r.isl.topology === 'grid' && r.isl.capacity_Gbps === Number(reqQ)),
      `${records.map((r) => `${r.isl.topology} ${r.isl.capacity_Gbps} Gbps`).join(', ')}`,
    );
    // "The radiator is 249–262 m²: the GPUs' 45 °C coolant inlet ... cools from 325 to 315 K, at fin efficiency 0.955"
    const [raLo, raHi] = quoted(text, /radiator is (\d+)–(\d+) m²/);
    const areas = records.map((r) => r.thermal.radiatorArea_m2);
    check(raLo!, readsAs(Math.min(...areas), raLo!), `${Math.min(...areas)} m²`);
    check(raHi!, readsAs(Math.max(...areas), raHi!), `${Math.max(...areas)} m²`);
    // installed at least the required area with the study's 20 % margin
    expect(
      records.every((r) => r.thermal.radiatorArea_m2 >= 1.2 * r.thermal.requiredRadiatorArea_m2 * (1 - 1e-9)),
    ).toBe(true);
    const [inletQ] = quoted(text, /GPUs' (\d+) °C coolant inlet/);
    check(
      inletQ!,
      records.every((r) => r.thermal.coolantSupplyTemp_K <= Number(inletQ) + 273.15 + 1e-9),
      `supply ${range((r) => r.thermal.coolantSupplyTemp_K)} K`,
    );
    const [tInQ, tOutQ] = quoted(text, /cools from (\d+) to (\d+) K/);
    check(
      tInQ!,
      records.every((r) => readsAs(r.thermal.radiatorInletTemp_K, tInQ!)),
      range((r) => r.thermal.radiatorInletTemp_K),
    );
    check(
      tOutQ!,
      records.every((r) => readsAs(r.thermal.radiatorOutletTemp_K, tOutQ!)),
      range((r) => r.thermal.radiatorOutletTemp_K),
    );
    // "The array is AI1's stated one as a catalog product (the `ai1-flex` row: 250 W/m² at beginning of life …)"
    const [arrayQ] = quoted(text, /`ai1-flex` row: (\d+) W\/m² at beginning of life/);
    check(
      arrayQ!,
      records.every((r) => readsAs(r.power.bolPower_W / r.power.arrayArea_m2, arrayQ!)),
      range((r) => r.power.bolPower_W / r.power.arrayArea_m2),
    );
    const [finQ] = quoted(text, /fin efficiency (\d\.\d+)/);
    check(
      finQ!,
      records.every((r) => readsAs(r.thermal.finEfficiency, finQ!)),
      range((r) => r.thermal.finEfficiency),
    );

    // Every number in the paragraph was checked above (the study path's digits and names such as GB300 aside).
    const numbers = text.replace(/`[^`]*`/g, '').match(/(?<![A-Za-z\d.])\d+(?:\.\d+)?/g) ?? [];
    expect(numbers.filter((n) => !checked.includes(n))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { BAND_HALF_WIDTH_km, environmentAnswer } from '../../../src/run/answer/environment.js';
import { bandOccupants, shippedOccupancy } from '../../../src/constellation/catalogue/occupancy.js';
import { answerCardLines, trafficText } from '../../../src/report/decision/answerCard.js';
import { environmentPlot } from '../../../src/report/plots/environmentPlot.js';
import { answerSchema } from '../../../src/run/answer/schema.js';
import { handAnswer } from '../../helpers/answerRecord.js';
import type { DesignRecord } from '../../../src/node/record/record.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';

// the fields of a record the answer's environment reads, written here
const node = (altitude_km: number, rate: number) =>
  ({
    kind: 'node',
    orbit: { altitude_km, inclination_deg: 97.6 },
    environment: { catalogueApproaches_per_sat_yr: rate },
  }) as unknown as DesignRecord;
const constellation = {
  kind: 'constellation',
  shells: [
    { name: 'A', altitude_km: 552, inclination_deg: 53, satellites: 100 },
    { name: 'B', altitude_km: 1200, inclination_deg: 87.9, satellites: 50 },
  ],
  environment: { catalogueApproaches_per_sat_yr: 40 },
} as unknown as ConstellationRecord;

describe("the answer's environment", () => {
  it("a node at 552 km: the rate is its record's, the band ±20 km around it, the catalogue's age at the run", () => {
    const median = '2026-08-22T00:57:53.781Z'; // the snapshot's median epoch (designs/catalogue/README.md)
    const started = new Date(Date.parse(median) + 10.5 * 86_400_000).toISOString();
    const e = environmentAnswer(node(552, 31), started)!;
    expect(e.approaches_per_sat_yr).toBe(31);
    expect(e.approaches_per_yr).toBe(31);
    expect(e.shells[0]!.band).toMatchObject({ low_km: 532, high_km: 572 });
    expect(BAND_HALF_WIDTH_km).toBe(20);
    expect(e.catalogue.epochMedian).toBe(median);
    expect(e.catalogue.ageAtRun_d).toBeCloseTo(10.5, 9);
    expect(e.screen).toBeNull();
    // the histogram: 10 km bins from 400 to 710 km (552 ∓ 150, outward to 10 km), summing to the band of its span
    expect(e.histogram.from_km).toBe(400);
    expect(e.histogram.counts[0]).toHaveLength(31);
    const sum = e.histogram.counts.flat().reduce((a, b) => a + b, 0);
    expect(sum).toBe(bandOccupants(shippedOccupancy(), 400, 710).objects);
    expect(environmentAnswer(null, started)).toBeNull();
    expect(environmentAnswer(node(552, 31), undefined)!.catalogue.ageAtRun_d).toBeNull();
  });

  it('a constellation: all satellites at the mean rate, each shell its band', () => {
    const e = environmentAnswer(constellation, undefined)!;
    expect(e.satellites).toBe(150);
    expect(e.approaches_per_yr).toBe(40 * 150);
    expect(e.shells.map((s) => [s.band.low_km, s.band.high_km])).toEqual([
      [532, 572],
      [1180, 1220],
    ]);
    // 552 − 150 = 402 → 400; 1,200 + 150 = 1,350: 95 bins of 10 km
    expect(e.histogram.counts[0]).toHaveLength(95);
  });

  it('the card, the record schema and the plot carry it', () => {
    const e = environmentAnswer(node(552, 31.4), undefined)!;
    const a = handAnswer({ environment: e });
    expect(answerSchema().safeParse(JSON.parse(JSON.stringify(a))).error?.issues ?? []).toEqual([]);
    const text = answerCardLines(a).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('traffic');
    expect(text).toContain('31.4 approaches < 5 km per satellite-year (estimate, ±30 %)');
    expect(text).toContain(`532–572 km: ${e.shells[0]!.band.objects.toLocaleString('en-US')} objects (Starlink`);
    for (const l of answerCardLines(a)) expect(l.length).toBeLessThanOrEqual(80);
    const withScreen = { ...e, screen: { ...SCREEN } };
    expect(trafficText(withScreen)).toContain('screen: 22 approaches < 5 km in 168 h');

    const p = environmentPlot(withScreen);
    const scene = p.scenes[0]!;
    // the shell's rule sits where a linear x scale over 400–710 km puts 552 km
    const rule = scene.lines.find((l) => l.color === '#111111')!;
    const { x, width } = scene.frame;
    expect(rule.points[0]![0]).toBeCloseTo(x + ((552 - 400) / 310) * width, 6);
    expect(p.svg).toContain('stroke-dasharray');
    const legend = scene.legends.flatMap((l) => l.entries.map((x) => x.name));
    expect(legend).toContain('Starlink');
    expect(legend).toContain('shell altitude');
    // the estimate for the screen's week: 31.4 × 168 / 8,766 = 0.602 approaches
    const words = p.blocks.map((b) => JSON.stringify(b)).join(' ');
    expect(words).toContain('the estimate for that window is 0.602');
    expect(words).toContain('found 22 approaches below 5 km');
  });
});

const SCREEN = {
  file: 'screen-knee.json',
  start: '2026-08-22T00:57:53.781Z',
  hours: 168,
  threshold_km: 5,
  events: 22,
  totals: [
    { below_km: 1, events: 3, perSatelliteYear: 156.5 },
    { below_km: 5, events: 22, perSatelliteYear: 1147.9 },
    { below_km: 10, events: 60, perSatelliteYear: 3130.7 },
  ],
  perSatelliteYear: 1147.9,
};

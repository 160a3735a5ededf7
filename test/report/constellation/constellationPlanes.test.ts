/**
 * The orbital-planes view as drawn, worked by hand: two Walker shells at 550 km (4 planes, RAAN 0°, 90°, 180°,
 * 270°) and 650 km (2 planes, 0° and 180°); the altitude axis spans altitudeDomain_km = [530, 670] km over the
 * 180 px plot (60 px per altitude + 60), the RAAN axis 0–360° over 640 px.
 */
import { describe, expect, it } from 'vitest';
import { shellPlanesChart } from '../../../src/report/constellation/constellationPlanes.js';
import { shell } from '../../helpers/shellSpec.js';

const EPOCH = '2026-03-20T00:00:00Z';
const draw = () =>
  shellPlanesChart([shell({ name: 'a&b', planes: 4 }), shell({ name: 'high', altitude_m: 650e3, planes: 2 })], EPOCH);
const expectAt = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9);

describe('orbital planes view', () => {
  it('draws each plane as a rule at its RAAN over ±6 % of the altitude span, in its shell colour', () => {
    const s = draw().scenes[0]!;
    expect([s.frame.width, s.frame.height]).toEqual([640, 180]);
    const x = (raan: number): number => s.frame.x + (raan / 360) * 640,
      y = (alt: number): number => s.frame.y + 180 * (1 - (alt - 530) / 140);
    const planes = [
      [0, 550, '#1f77b4'],
      [90, 550, '#1f77b4'],
      [180, 550, '#1f77b4'],
      [270, 550, '#1f77b4'],
      [0, 650, '#d62728'],
      [180, 650, '#d62728'],
    ] as const;
    expect(s.lines.map((l) => l.color)).toEqual(planes.map((p) => p[2]));
    // half height 0.06 × 140 km = 8.4 km: from 541.6 to 558.4 km (650 ± 8.4 km for the high shell)
    s.lines.forEach((l, k) => {
      const [raan, alt] = planes[k]!;
      expect(Math.abs(l.points[0]![0] - x(raan))).toBeLessThan(1e-6);
      expect(l.points[1]![0]).toBe(l.points[0]![0]);
      expect(Math.abs(l.points[0]![1] - y(alt - 8.4))).toBeLessThan(1e-6);
      expect(Math.abs(l.points[1]![1] - y(alt + 8.4))).toBeLessThan(1e-6);
    });
  });

  it('labels the RAAN, LTAN and altitude axes at their values', () => {
    const d = draw();
    const s = d.scenes[0]!;
    expect(s.xTicks.map((t) => t.label)).toEqual(['0', '45', '90', '135', '180', '225', '270', '315', '360']);
    // mean Sun at −2.459° (Vallado 2013, Algorithm 29; see constellationViews.test.ts): RAAN 0° is LTAN
    // 12 h + 2.459°/15°/h = 12.164 h, so the axis spans 12.164–36.164 h and whole 3 h ticks run 15 h … 36 h
    expect(s.topTicks.map((t) => t.label)).toEqual([
      '15:00',
      '18:00',
      '21:00',
      '00:00',
      '03:00',
      '06:00',
      '09:00',
      '12:00',
    ]);
    // 15 h sits (15 − 12.164)/24 of 640 px = 75.6 px in
    expect(Math.abs(s.topTicks[0]!.at - s.frame.x - 75.6)).toBeLessThan(0.1);
    // d3's ticks for round(180/40) = 5 over 140 km: 28 km rounds to a 20 km step
    expect(s.yTicks.map((t) => t.label)).toEqual(['540', '560', '580', '600', '620', '640', '660']);
    expectAt(s.yTicks[0]!.at, s.frame.y + 180 * (1 - 10 / 140));
    expect(d.svg).toContain('>LTAN at the epoch [h]<');
    expect(d.svg).toContain('>altitude [km]<');
    expect(d.svg).toContain('>RAAN at the epoch [deg]<');
  });

  it('lists the shells in the legend in order, coloured and escaped, below the plot', () => {
    const d = draw();
    const [legend] = d.scenes[0]!.legends;
    expect(legend!.title).toBe('shell');
    expect(legend!.entries.map((e) => [e.name, e.color])).toEqual([
      ['a&b: 550 km, 53°, 4 planes × 10', '#1f77b4'],
      ['high: 650 km, 53°, 2 planes × 10', '#d62728'],
    ]);
    expect(d.svg).toContain('>a&amp;b: 550 km, 53°, 4 planes × 10</text>');
    expect(d.svg).toContain('>LTAN at the epoch only: non-SSO planes drift in LTAN over days</text>');
  });

  it('draws a single plane of a single shell', () => {
    const s = shellPlanesChart([shell({ name: 'one', planes: 1 })], EPOCH).scenes[0]!;
    expect(s.lines).toHaveLength(1);
    // one altitude: the domain is 550 ± 15 km
    expectAt(s.lines[0]!.points[0]![1], s.frame.y + 160 * (1 - (550 - 0.06 * 30 - 535) / 30));
  });
});

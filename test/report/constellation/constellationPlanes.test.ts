/**
 * The orbital-planes view as drawn, worked by hand: two Walker shells at 550 km (4 planes, RAAN 0°, 90°, 180°,
 * 270°) and 650 km (2 planes, 0° and 180°); the altitude axis spans altitudeDomain_km = [530, 670] km over the
 * 180 px plot (60 px per altitude + 60), the RAAN axis 0–360° over 640 px.
 */
import { describe, expect, it } from 'vitest';
import { shellPlanesSvg } from '../../../src/report/constellation/constellationPlanes.js';
import { shell } from '../../helpers/shellSpec.js';

const EPOCH = '2026-03-20T00:00:00Z';
const draw = (): Promise<string> =>
  shellPlanesSvg([shell({ name: 'a&b', planes: 4 }), shell({ name: 'high', altitude_m: 650e3, planes: 2 })], EPOCH);

const texts = (g: string): string[] => [...g.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]!);

describe('orbital planes view', () => {
  it('draws each plane as a rule at its RAAN over ±6 % of the altitude span, in its shell colour', async () => {
    const svg = await draw();
    const rules = /<g class="mark-rule role-mark"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const lines = [...rules.matchAll(/<line x1="([^"]+)" y1="([^"]+)" x2="[^"]+" y2="([^"]+)" stroke="([^"]+)"/g)];
    expect(lines.map((m) => [m[1], m[4]])).toEqual([
      ['0', '#1f77b4'],
      ['160', '#1f77b4'], // 90° of 360° over 640 px
      ['320', '#1f77b4'],
      ['480', '#1f77b4'],
      ['0', '#d62728'],
      ['320', '#d62728'],
    ]);
    // half height 0.06 × 140 km = 8.4 km: 541.6 km at 180 − 11.6/140·180 = 165.09 px, 558.4 km at 143.49 px
    expect([lines[0]![2], lines[0]![3]]).toEqual(['165.1', '143.5']);
    // 650 km ± 8.4: 180 − 111.6/140·180 = 36.51 px and 180 − 128.4/140·180 = 14.91 px
    expect([lines[4]![2], lines[4]![3]]).toEqual(['36.5', '14.9']);
  });

  it('labels the RAAN, LTAN and altitude axes each in their own group', async () => {
    const svg = await draw();
    const groups = [...svg.matchAll(/<g class="mark-text role-axis-label">(.*?)<\/g>/g)].map((m) => m[1]!);
    expect(groups.map(texts)).toEqual([
      ['0', '45', '90', '135', '180', '225', '270', '315', '360'],
      // mean Sun at −2.459° (Vallado 2013, Algorithm 29; see constellationViews.test.ts): RAAN 0° is LTAN
      // 12 h + 2.459°/15°/h = 12.164 h, so the axis spans 12.164–36.164 h and whole 3 h ticks run 15 h … 36 h
      ['15:00', '18:00', '21:00', '00:00', '03:00', '06:00', '09:00', '12:00'],
      // 1-2-5 rule for ⌈180/40⌉ = 5 ticks over 140 km: 28 km rounds to a 20 km step
      ['540', '560', '580', '600', '620', '640', '660'],
    ]);
    // 15 h sits (15 − 12.164)/24 of 640 px = 75.6 px in; top labels end 5 px ticks + 2 px above the axis, their
    // baseline 0.21 × 11 px lower (vega's "bottom" baseline)
    expect(groups[1]).toContain('<text x="75.6" y="-9" font-size="11" text-anchor="middle" fill="#000">15:00</text>');
    // 540 km at 180 − 10/140·180 = 167.14 px, labels 7 px left of the axis, baseline 0.3 × 11 px below the tick
    expect(groups[2]).toContain('<text x="-7" y="170.1" font-size="11" text-anchor="end" fill="#000">540</text>');
    expect(svg).toContain('>LTAN at the epoch [h]<');
    expect(svg).toContain('>altitude [km]<');
  });

  it('lists the shells in the legend in order, coloured and escaped', async () => {
    const svg = await draw();
    const legend = svg.slice(svg.indexOf('class="mark-group role-legend"'));
    expect([...legend.matchAll(/stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1])).toEqual(['#1f77b4', '#d62728']);
    expect(texts(legend).slice(1, 3)).toEqual([
      'a&amp;b: 550 km, 53°, 4 planes × 10',
      'high: 650 km, 53°, 2 planes × 10',
    ]);
    expect(texts(legend)[0]).toBe('shell');
    expect(svg).toContain(
      '<tspan x="5" dy="14">LTAN at the epoch only: non-SSO planes drift in LTAN over days</tspan>',
    );
  });
});

/**
 * Data functions behind the constellation views: plane RAAN/LTAN rows, the zoomed altitude axis, the
 * antimeridian split of ground tracks, gap detection in contact timelines, label placement, and the
 * network / conjunction / launch-manifest views on synthetic rows. Expected values are worked by hand here.
 */
import { describe, expect, it } from 'vitest';
import type { ConstellationPlotInput, ExtraViewData } from '../../src/report/constellation/constellationReport.js';
import { CONSTELLATION_PLOTS, drawPlots } from '../../src/report/plots/catalogue.js';
import {
  conjunctionTable,
  conjunctionsSvg,
  launchManifestSvg,
  MAX_CONJUNCTION_ROWS,
  utilizationByClassSvg,
} from '../../src/report/constellation/constellationExtras.js';
import {
  altitudeDomain_km,
  clockText,
  ltanOfRaan_h,
  planeRows,
  shellPlanesChart,
  shellPlanesSvg,
  sunRightAscension_deg,
} from '../../src/report/constellation/constellationPlanes.js';
import {
  contactSummary,
  contactTimelineSvg,
  gapIntervals,
} from '../../src/report/constellation/constellationPlotsSeries.js';
import {
  drawnPlanes,
  groundTrackChart,
  MAX_TRACK_PLANES,
  planeGroundTrack,
  shortStationName,
  splitAtAntimeridian,
} from '../../src/report/constellation/groundTrack.js';
import { classUtilizations } from '../../src/report/constellation/constellationPlots.js';
import { readFileSync } from 'node:fs';
import { placeLabels, textWidth_px } from '../../src/chart/labelPlacement.js';
import { shell } from '../helpers/shellSpec.js';
import { deg } from '../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';

/** Signed difference a − b wrapped onto (−180, 180] [deg]. */
const dAngle = (a: number, b: number): number => ((((a - b) % 360) + 540) % 360) - 180;

describe('plane rows', () => {
  it('spreads Walker delta planes over 360° and Walker star planes over 180° from RAAN0', () => {
    const delta = planeRows([shell({ planes: 4, raan0_rad: 10 * deg })], EPOCH).map((r) => r.raan_deg);
    [10, 100, 190, 280].forEach((v, i) => expect(delta[i]).toBeCloseTo(v, 9));
    const star = planeRows([shell({ planes: 3, pattern: 'walker-star' })], EPOCH).map((r) => r.raan_deg);
    [0, 60, 120].forEach((v, i) => expect(star[i]).toBeCloseTo(v, 9));
  });

  it('puts sso-ltan planes at the centres of their LTAN band and RAAN = α☉ + (LTAN − 12 h)·15°', () => {
    // 4 planes over a 2 h band centred on 06:00: centres at 6 − 1 + 2·(p + ½)/4 h.
    const sso = shell({
      planes: 4,
      pattern: 'sso-ltan',
      sunSynchronous: true,
      ltan_h: 6,
      ltanBand_h: 2,
      inclination_rad: 97.6 * deg,
    });
    const rows = planeRows([sso], EPOCH);
    [5.25, 5.75, 6.25, 6.75].forEach((v, i) => expect(rows[i]!.ltan_h).toBeCloseTo(v, 9));
    // LTAN is mean local solar time: the mean Sun's longitude L = 280.460° + 36000.771°·T (Vallado 2013, Algorithm 29),
    // T = (JD 2461119.5 − 2451545)/36525 = 0.2621355 → L = 357.541° ≡ −2.459°. (The apparent Sun is at ≈ −0.56°:
    // the March equinox 2026 at 14:46 UTC, USNO; the 1.9° between them is the equation of time, −7.5 min.)
    const sunRa = sunRightAscension_deg(EPOCH);
    expect(dAngle(sunRa, -2.459)).toBeCloseTo(0, 2);
    expect(dAngle(rows[0]!.raan_deg, -2.459 + (5.25 - 12) * 15)).toBeCloseTo(0, 2);
    expect(rows.every((r) => r.sunSynchronous)).toBe(true);
  });

  it('maps RAAN to LTAN on a 24 h clock', () => {
    expect(ltanOfRaan_h(90, 0)).toBeCloseTo(18, 12);
    expect(ltanOfRaan_h(0, 90)).toBeCloseTo(6, 12);
    expect(ltanOfRaan_h(359, 0)).toBeCloseTo(12 + 359 / 15 - 24, 12);
    expect(clockText(6.5)).toBe('06:30');
    expect(clockText(-1)).toBe('23:00');
  });

  it('zooms the altitude axis to the shells', () => {
    expect(altitudeDomain_km([550, 650])).toEqual([530, 670]);
    expect(altitudeDomain_km([550])).toEqual([535, 565]);
    expect(altitudeDomain_km([400, 1400])).toEqual([200, 1600]);
  });

  it('draws one rule per plane with the shells in the legend', async () => {
    const shells = [shell({ name: 'low', planes: 6 }), shell({ name: 'high', altitude_m: 650e3, planes: 3 })];
    const svg = await shellPlanesSvg(shells, EPOCH);
    expect(shellPlanesChart(shells, EPOCH).scenes[0]!.lines).toHaveLength(9);
    expect(svg).toContain('low: 550 km, 53°, 6 planes × 10');
    expect(svg).toContain('>LTAN at the epoch [h]<');
    expect(svg).toContain('>RAAN at the epoch [deg]<');
    expect(Number(/width="(\d+)"/.exec(svg)![1])).toBeLessThan(900);
  });
});

describe('ground tracks', () => {
  it('splits at the antimeridian at the interpolated crossing latitude, both ways', () => {
    expect(
      splitAtAntimeridian([
        { lon_deg: 170, lat_deg: 0 },
        { lon_deg: -170, lat_deg: 10 },
      ]),
    ).toEqual([
      [
        { lon_deg: 170, lat_deg: 0 },
        { lon_deg: 180, lat_deg: 5 },
      ],
      [
        { lon_deg: -180, lat_deg: 5 },
        { lon_deg: -170, lat_deg: 10 },
      ],
    ]);
    expect(
      splitAtAntimeridian([
        { lon_deg: -175, lat_deg: 0 },
        { lon_deg: 175, lat_deg: -6 },
      ]),
    ).toEqual([
      [
        { lon_deg: -175, lat_deg: 0 },
        { lon_deg: -180, lat_deg: -3 },
      ],
      [
        { lon_deg: 180, lat_deg: -3 },
        { lon_deg: 175, lat_deg: -6 },
      ],
    ]);
    expect(shortStationName('KSAT Svalbard Satellite Station (SvalSat), Platåberget, Norway')).toBe(
      'KSAT Svalbard Satellite Station',
    );
    expect(shortStationName('SSC Santiago Satellite Station, Chile')).toBe('SSC Santiago Satellite Station');
    expect(shortStationName('(odd)')).toBe('(odd)');
    const straight = [
      { lon_deg: 0, lat_deg: 0 },
      { lon_deg: 10, lat_deg: 5 },
      { lon_deg: 20, lat_deg: 9 },
    ];
    expect(splitAtAntimeridian(straight)).toEqual([straight]);
  });

  it('starts at the ascending node below RAAN − GMST and reaches the inclination in latitude', () => {
    // IAU-82 GMST at 2026-03-20 0h UT (Vallado 2013 eq. 3-47, first two terms): 18.697374558 h + 24.06570982441908 h·d,
    // d = JD − 2451545.0 = 9574.5 → 11.8361 h = 177.54°. Plane 0 of a Walker shell with RAAN0 = 0 starts at u = 0.
    const pts = planeGroundTrack(shell({ planes: 4 }), 0, { epochIso: EPOCH, duration_s: 7200, step_s: 30 });
    expect(pts[0]!.lat_deg).toBeCloseTo(0, 0);
    expect(Math.abs(dAngle(pts[0]!.lon_deg, -177.54))).toBeLessThan(0.3);
    // Geocentric latitude peaks at the inclination (53°) at u = 90°; 30 s steps sample it within ~0.1°.
    expect(Math.max(...pts.map((p) => p.lat_deg))).toBeGreaterThan(52.5);
    expect(Math.max(...pts.map((p) => Math.abs(p.lat_deg)))).toBeLessThan(53.3);
    const pieces = splitAtAntimeridian(pts);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces)
      for (let i = 1; i < piece.length; i++)
        expect(Math.abs(piece[i]!.lon_deg - piece[i - 1]!.lon_deg)).toBeLessThan(10);
  });
});

describe('every plane over the coastlines', () => {
  it('draws every plane of a small shell and at most MAX_TRACK_PLANES evenly spaced of a large one', () => {
    expect(drawnPlanes(5)).toEqual([0, 1, 2, 3, 4]);
    const big = drawnPlanes(60);
    expect(big).toHaveLength(MAX_TRACK_PLANES);
    expect(new Set(big).size).toBe(MAX_TRACK_PLANES);
    // Evenly spaced: 60 / 24 = 2.5 planes apart, so consecutive indices differ by 2 or 3 and span the shell.
    for (let k = 1; k < big.length; k++) expect([2, 3]).toContain(big[k]! - big[k - 1]!);
    expect(big[0]).toBe(0);
    expect(big.at(-1)).toBeGreaterThanOrEqual(57);
  });

  it('ships coastlines that pass the capes and miss the open ocean', () => {
    const { lines, source, licence } = JSON.parse(readFileSync('designs/maps/coastline-110m.json', 'utf8')) as {
      lines: number[][];
      source: string;
      licence: string;
    };
    expect(source).toContain('Natural Earth');
    expect(licence).toContain('public domain');
    const pts = lines.flatMap((f) => Array.from({ length: f.length / 2 }, (_, k) => [f[2 * k]!, f[2 * k + 1]!]));
    for (const [lon, lat] of pts) {
      expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
    }
    const nearest = (lon: number, lat: number): number =>
      Math.min(...pts.map(([x, y]) => Math.hypot(dAngle(x!, lon) * Math.cos(lat * deg), y! - lat)));
    // Cape of Good Hope 18.47° E 34.36° S, Cape Horn 67.27° W 55.98° S, Gibraltar 5.35° W 36.14° N (atlas positions):
    // a 1:110m coastline passes within ~1° of each.
    expect(nearest(18.47, -34.36)).toBeLessThan(1);
    expect(nearest(-67.27, -55.98)).toBeLessThan(1);
    expect(nearest(-5.35, 36.14)).toBeLessThan(1);
    // Mid South Pacific (140° W 40° S) and mid North Atlantic (40° W 35° N): open ocean on this map.
    expect(nearest(-140, -40)).toBeGreaterThan(8);
    expect(nearest(-40, 35)).toBeGreaterThan(5);
  });

  it('draws one line per plane in its shell colour, the coastlines under them, and says how many planes', async () => {
    const low = shell({ name: 'low', planes: 3 });
    const window = { epochIso: EPOCH, duration_s: 1800, step_s: 60 };
    const { svg, scenes } = groundTrackChart({
      tracks: [0, 1, 2].map((p) => ({ shell: 'low', plane: p, points: planeGroundTrack(low, p, window) })),
      planesPerShell: { low: 3, wide: 60 },
      coastlines: [
        [
          { lon_deg: 10, lat_deg: 40 },
          { lon_deg: 20, lat_deg: 45 },
        ],
      ],
      stations: [],
      duration_s: 1800,
      step_s: 60,
    });
    // 30 min of a 95-min orbit from the ascending node cross no antimeridian unless the node is near it; count the
    // track pieces in the shell's colour (palette[0]), at least one per plane.
    const lines = scenes[0]!.lines;
    expect(lines.filter((l) => l.color === '#1f77b4').length).toBeGreaterThanOrEqual(3);
    expect(svg).toContain('low: all 3 plane(s)');
    expect(svg).toContain('wide: 0 of 60 planes, evenly spaced in RAAN');
    expect(svg).toContain('coastlines: Natural Earth 1:110m');
    expect(lines.filter((l) => l.color === '#999')).toHaveLength(1);
  });
});

describe('link utilisation views', () => {
  it('draws one instant as bars and says so; N instants as lines', async () => {
    const row = (instant: number, linkClass: string, mean: number, max: number) => ({
      instant,
      time_s: 600 * instant,
      linkClass,
      mean,
      max,
    });
    const one = utilizationByClassSvg([row(0, 'inPlane', 0.5, 0.9), row(0, 'crossPlane', 0.2, 0.4)]);
    expect(one.svg).toContain('one instant');
    expect(one.svg).not.toContain('time since epoch');
    // 2 classes × (mean, maximum) bars
    expect(one.scenes[0]!.rects).toHaveLength(4);
    const two = utilizationByClassSvg([row(0, 'inPlane', 0.5, 0.9), row(1, 'inPlane', 0.6, 1)]).svg;
    expect(two).toContain('2 instants');
    expect(two).toContain('time since epoch');
  });

  it("names each class's one value under the reduced model", () => {
    const detail = {
      shell: 's',
      planes: 2,
      satsPerPlane: 2,
      edges: [
        { u: 0, v: 1, linkClass: 'inPlane', utilization: 0.25, capacity_Gbps: 0 },
        { u: 0, v: 2, linkClass: 'crossPlane', utilization: 0.75, capacity_Gbps: 0 },
        { u: 2, v: 3, linkClass: 'inPlane', utilization: 0.25, capacity_Gbps: 0 },
      ],
      sampleIndex: 0,
      reducedModel: true,
    };
    expect(classUtilizations(detail)).toEqual([
      { linkClass: 'inPlane', utilization: 0.25 },
      { linkClass: 'crossPlane', utilization: 0.75 },
    ]);
  });
});

describe('contact gaps', () => {
  const series = (s: string): Uint8Array => Uint8Array.from(s, (c) => Number(c));

  it('finds the gaps between contacts, at both ends included', () => {
    expect(
      gapIntervals(
        [
          [2, 5],
          [7, 9],
        ],
        10,
      ),
    ).toEqual([
      [0, 2],
      [5, 7],
      [9, 10],
    ]);
    expect(gapIntervals([[0, 10]], 10)).toEqual([]);
    expect(gapIntervals([], 4)).toEqual([[0, 4]]);
    const c = contactSummary(series('0011100110'), 60);
    expect(c.fraction).toBe(0.5);
    expect(c.gaps).toBe(3);
    expect(c.longestGap_s).toBe(120);
    expect(c.longest).toEqual([0, 2]);
    const full = contactSummary(series('1111'), 60);
    expect([full.fraction, full.gaps, full.longestGap_s, full.longest]).toEqual([1, 0, 0, null]);
  });

  it('draws the gaps and states full contact and the longest gap per station', async () => {
    const gappy = series(`${'1'.repeat(20)}${'0'.repeat(25)}${'1'.repeat(15)}`);
    const stations = [
      { name: 'full', inContact: series('1'.repeat(60)) },
      { name: 'gappy', inContact: gappy },
    ];
    const svg = await contactTimelineSvg({ step_s: 60, stations });
    expect(svg).toContain('full: 100 %, no gap');
    expect(svg).toContain('gappy: 58.3 %, 1 gap, longest 25 min');
    expect(svg).toMatch(/<text[^>]*>25 min<\/text>/); // the gap is 25 of 60 samples wide: its length fits inside it
    const malindi = 'ASI Luigi Broglio Space Centre (Malindi), Kenya';
    const long = await contactTimelineSvg({ step_s: 60, stations: [{ name: malindi, inContact: series('1100111') }] });
    expect(long).toContain('ASI Luigi Broglio Space C…: 71.4 %, 1 gap, longest 2 min');
  });
});

describe('label placement', () => {
  it('moves a second label at the same anchor to the left, and keeps labels inside the plot', () => {
    const [a, b] = placeLabels(
      [
        { x: 100, y: 50, text: 'abc' },
        { x: 100, y: 50, text: 'def' },
      ],
      300,
      100,
    );
    expect(a!.align).toBe('left');
    expect(b!.align).toBe('right');
    expect(placeLabels([{ x: 299, y: 50, text: 'edge' }], 300, 100)[0]!.align).toBe('right');
  });

  it('places no two boxes over each other in a crowded cluster, dropping what does not fit', () => {
    const reqs = Array.from({ length: 30 }, (_, i) => ({
      x: 100 + (i % 5) * 7,
      y: 50 + Math.floor(i / 5) * 6,
      text: `label ${i}`,
    }));
    const placed = placeLabels(reqs, 300, 120);
    expect(placed.length).toBeGreaterThan(3);
    expect(placed.length).toBeLessThan(30);
    const boxes = placed.map((p) => {
      const w = textWidth_px(p.text, 10),
        h = 12;
      const x0 = p.align === 'left' ? p.x : p.align === 'right' ? p.x - w : p.x - w / 2;
      const y0 = p.baseline === 'middle' ? p.y - h / 2 : p.baseline === 'bottom' ? p.y - h : p.y;
      return { x0, y0, x1: x0 + w, y1: y0 + h };
    });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i]!, boxes[j]!];
        expect(
          p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1,
          `${placed[i]!.text} / ${placed[j]!.text}`,
        ).toBe(false);
      }
  });
});

describe('network, conjunction and manifest views', () => {
  it('orders conjunctions closest first and caps the table', () => {
    const pairs = Array.from({ length: 40 }, (_, i) => ({ a: `s${i}`, b: `t${i}`, distance_km: 40 - i, time_s: 3600 }));
    const t = conjunctionTable(pairs);
    expect(t.rows.length).toBe(MAX_CONJUNCTION_ROWS);
    expect(t.rows[0]).toEqual(['1', 's39', 't39', '1', '1', '1']);
    expect(t.rows[1]![3]).toBe('2');
  });

  it('a between-shell entry has no time (the shells drift) and goes last among equal distances', () => {
    const t = conjunctionTable([
      { a: 'shell low', b: 'shell high', distance_km: 5, time_s: null, pairs: 1 },
      { a: 'low P0 S0', b: 'low P3 S1', distance_km: 5, time_s: 60, pairs: 70 },
    ]);
    expect(t.rows).toEqual([
      ['1', 'low P0 S0', 'low P3 S1', '5', '0.0167', '70'],
      ['2', 'shell low', 'shell high', '5', 'drifts (between shells)', '1'],
    ]);
  });

  it('merges approaches that read alike into one row, named by its first pair, pairs summed with separators', () => {
    // five pairs at 9.43 km at the same time (the pattern's symmetry), 700 pairs each: one row of 3,500
    const same = Array.from({ length: 5 }, (_, i) => ({
      a: `P${i} S0`,
      b: `P${i + 1} S0`,
      distance_km: 9.43,
      time_s: 7200,
      pairs: 700,
    }));
    const t = conjunctionTable([{ a: 'P9 S1', b: 'P0 S1', distance_km: 12, time_s: 7200 }, ...same]);
    expect(t.rows).toEqual([
      ['1', 'P0 S0', 'P1 S0', '9.43', '2', '3,500'],
      ['2', 'P9 S1', 'P0 S1', '12', '2', '1'],
    ]);
  });

  it('counts the plotted pairs with thousands separators', () => {
    const pairs = Array.from({ length: 1200 }, (_, i) => ({ a: `a${i}`, b: `b${i}`, distance_km: 1 + i, time_s: 60 }));
    expect(conjunctionsSvg(pairs).svg).toContain('1,200 pair(s); closest 1 km');
  });

  it('draws mean and maximum per link class and a stacked manifest with launch counts', async () => {
    const rows = [0, 1, 2].flatMap((k) =>
      ['inPlane', 'crossPlane'].map((c) => ({
        instant: k,
        time_s: 1800 * k,
        linkClass: c,
        mean: 0.2 + 0.1 * k,
        max: 0.9,
      })),
    );
    const u = utilizationByClassSvg(rows);
    // 2 classes × (mean, max) lines of 3 instants, and the saturation rule
    expect(u.scenes[0]!.lines.filter((l) => l.points.length === 3)).toHaveLength(4);
    expect(u.svg).toContain('3 instants, 2 link class(es)');
    const m = launchManifestSvg([
      { vehicle: 'starship', shell: 'low', launches: 30, satellites: 3000 },
      { vehicle: 'starship', shell: 'dawn-dusk', launches: 20, satellites: 2000 },
      { vehicle: 'new-glenn', shell: 'low', launches: 4, satellites: 40 },
    ]).svg;
    expect(m).toContain('starship: 50 launches; new-glenn: 4 launches');
    expect(m).toContain('30 launches');
    expect(m).not.toContain('>4 launches<'); // a 40-satellite segment is too narrow for its label
  });

  it('adds a view only for the data given, the conjunction list as a table under its chart', () => {
    // the catalogue's views of the extra rows: they read nothing of the input but those rows
    const ids = ['utilization-by-class', 'conjunctions', 'launch-manifest'];
    const views = CONSTELLATION_PLOTS.filter((e) => ids.includes(e.id));
    const draw = (extra: ExtraViewData) => drawPlots(views, { extra } as ConstellationPlotInput, []);
    expect(draw({})).toEqual([]);
    const plots = draw({
      utilization: [{ instant: 0, time_s: 0, linkClass: 'inPlane', mean: 0.3, max: 0.8 }],
      conjunctions: [{ a: 'x', b: 'y', distance_km: 3, time_s: 60 }],
      manifest: [{ vehicle: 'starship', shell: 'low', launches: 2, satellites: 200 }],
    });
    expect(plots.map((p) => p.id)).toEqual(ids);
    for (const p of plots) expect(p.svg.startsWith('<svg')).toBe(true);
    expect(plots[1]!.table).toEqual({
      headers: ['rank', 'satellite A', 'satellite B', 'miss distance [km]', 'time since epoch [h]', 'pairs alike [-]'],
      rows: [['1', 'x', 'y', '3', '0.0167', '1']],
    });
    expect(plots[0]!.table).toBeUndefined();
  });
});

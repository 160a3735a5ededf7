/**
 * The ground-track map as drawn: hand-placed points on the 720 × 360 px equirectangular map (x = (λ + 180°)/360°·720,
 * y = (90° − φ)/180°·360, from the frame's top-left corner), one line per track piece in its shell's colour, the
 * start circles, a station's triangle and its escaped label, the legend and the axes every 30°.
 */
import { describe, expect, it } from 'vitest';
import { groundTrackChart, splitAtAntimeridian } from '../../../src/report/constellation/groundTrack.js';

const input = {
  tracks: [
    {
      shell: 'low',
      plane: 0,
      points: [
        { lon_deg: 0, lat_deg: 0 },
        { lon_deg: 90, lat_deg: 45 },
      ],
    },
    // crosses the antimeridian eastward at latitude 5°
    {
      shell: 'dawn-dusk',
      plane: 0,
      points: [
        { lon_deg: 170, lat_deg: 0 },
        { lon_deg: -170, lat_deg: 10 },
      ],
    },
  ],
  planesPerShell: { low: 1, 'dawn-dusk': 1 },
  coastlines: [],
  stations: [{ name: 'A&B <x>, Somewhere', lon_deg: -90, lat_deg: 30 }],
  duration_s: 3600,
  step_s: 60,
};

/** The map's pixel of a longitude and latitude: 2 px a degree from the frame's top-left corner. */
const at = (f: { x: number; y: number }, lon: number, lat: number): [number, number] => [
  f.x + (lon + 180) * 2,
  f.y + (90 - lat) * 2,
];
const expectPoints = (got: readonly (readonly [number, number])[], want: readonly [number, number][]): void => {
  expect(got).toHaveLength(want.length);
  got.forEach(([x, y], k) => {
    expect(Math.abs(x - want[k]![0])).toBeLessThan(1e-9);
    expect(Math.abs(y - want[k]![1])).toBeLessThan(1e-9);
  });
};

describe('ground-track map', () => {
  it('puts each track piece at its map pixels in its shell colour, split at the antimeridian', () => {
    const s = groundTrackChart(input).scenes[0]!;
    expect([s.frame.width, s.frame.height]).toEqual([720, 360]);
    const f = s.frame;
    expect(s.lines.map((l) => l.color)).toEqual(['#1f77b4', '#d62728', '#d62728']);
    // (0°, 0°) → (360, 180); (90°, 45°) → (540, 90) in the frame; palette's first colour
    expectPoints(s.lines[0]!.points, [at(f, 0, 0), at(f, 90, 45)]);
    // 170° → 700 px, the edge at 720 px, crossing latitude 5°; then from −180° at 5° to −170° at 10°
    expectPoints(s.lines[1]!.points, [at(f, 170, 0), at(f, 180, 5)]);
    expectPoints(s.lines[2]!.points, [at(f, -180, 5), at(f, -170, 10)]);
  });

  it('marks the track starts and the station, labels it escaped and right of it', () => {
    const d = groundTrackChart(input);
    const s = d.scenes[0]!;
    const f = s.frame;
    expect(s.dots.map((p) => p.color)).toEqual(['#1f77b4', '#d62728', '#333']);
    expectPoints(
      s.dots.map((p) => [p.x, p.y]),
      [at(f, 0, 0), at(f, 170, 0), at(f, -90, 30)],
    );
    // first choice right of the station, 5 px away, vertically centred: baseline 0.35 × 10 px below the anchor
    const [x, y] = at(f, -90, 30);
    const label = /<text x="([\d.]+)" y="([\d.]+)" font-size="10" fill="#333">A&amp;B &lt;x&gt;<\/text>/.exec(d.svg)!;
    expect(Math.abs(Number(label[1]) - (x + 5))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(Number(label[2]) - (y + 3.5))).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('splits a coastline stepping from +180° to −180° (one meridian) at the first point, not at 0/0', () => {
    const line = [
      { lon_deg: 170, lat_deg: 0 },
      { lon_deg: 180, lat_deg: 10 },
      { lon_deg: -180, lat_deg: 20 },
      { lon_deg: -170, lat_deg: 30 },
    ];
    expect(splitAtAntimeridian(line)).toEqual([
      [line[0], line[1], { lon_deg: 180, lat_deg: 10 }],
      [{ lon_deg: -180, lat_deg: 10 }, line[2], line[3]],
    ]);
    const d = groundTrackChart({
      ...input,
      coastlines: [line, line.map((p) => ({ ...p, lon_deg: -p.lon_deg }))],
    });
    expect(d.svg).not.toContain('NaN');
    const s = d.scenes[0]!;
    const f = s.frame;
    const coast = s.lines.filter((l) => l.color === '#999');
    expect(coast).toHaveLength(4);
    expectPoints(coast[0]!.points, [at(f, 170, 0), at(f, 180, 10), at(f, 180, 10)]);
    expectPoints(coast[1]!.points, [at(f, -180, 10), at(f, -180, 20), at(f, -170, 30)]);
    // the mirrored line, westward
    expectPoints(coast[2]!.points, [at(f, -170, 0), at(f, -180, 10), at(f, -180, 10)]);
    expectPoints(coast[3]!.points, [at(f, 180, 10), at(f, 180, 20), at(f, 170, 30)]);
  });

  it('draws both map axes every 30° and a legend of the shells in order', () => {
    const d = groundTrackChart(input);
    const s = d.scenes[0]!;
    expect(s.xTicks.map((t) => t.label)).toEqual([
      '−180',
      '−150',
      '−120',
      '−90',
      '−60',
      '−30',
      '0',
      '30',
      '60',
      '90',
      '120',
      '150',
      '180',
    ]);
    expect(s.yTicks.map((t) => t.label)).toEqual(['−90', '−60', '−30', '0', '30', '60', '90']);
    expect(s.xTicks[0]!.at).toBe(s.frame.x);
    expect(s.yTicks[0]!.at).toBe(s.frame.y + 360);
    expect(s.legends[0]!.entries.map((e) => [e.name, e.color])).toEqual([
      ['low', '#1f77b4'],
      ['dawn-dusk', '#d62728'],
    ]);
    expect(d.svg).toContain('>longitude [deg]</text>');
    expect(d.svg).toContain('>latitude [deg]</text>');
    expect(d.svg).toContain('low: all 1 plane(s); dawn-dusk: all 1 plane(s)');
    expect(d.svg).toContain('1 h from the epoch, SGP4 every 60 s');
    expect(d.svg).not.toMatch(/\sid="/); // nothing to collide with when several plots are inlined in one page
  });

  it('draws an empty map: axes, no track, no legend entry', () => {
    const s = groundTrackChart({ ...input, tracks: [], stations: [], planesPerShell: {} }).scenes[0]!;
    expect(s.lines).toEqual([]);
    expect(s.dots).toEqual([]);
    expect(s.legends[0]!.entries).toEqual([]);
    expect(s.xTicks).toHaveLength(13);
  });
});

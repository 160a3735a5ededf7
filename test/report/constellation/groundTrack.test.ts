/**
 * The ground-track map as drawn: hand-placed points on the 720 × 360 px equirectangular map (x = (λ + 180°)/360°·720,
 * y = (90° − φ)/180°·360, from the plot's top-left corner), one path per track piece in its shell's colour, the
 * graticule, the start circles, a station's triangle and its escaped label, the legend and the axes.
 */
import { describe, expect, it } from 'vitest';
import { groundTrackSvg, splitAtAntimeridian } from '../../../src/report/constellation/groundTrack.js';

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

const group = (svg: string, cls: string): string[] =>
  [...svg.matchAll(new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`, 'g'))].map((m) => m[1]!);

describe('ground-track map', () => {
  it('puts each track piece at its map pixels in its shell colour, split at the antimeridian', async () => {
    const svg = await groundTrackSvg(input);
    const [lines] = group(svg, 'mark-line role-mark');
    const paths = [...lines!.matchAll(/<path d="([^"]+)" stroke="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    // 11 meridians (−150°…150°) and 5 parallels (−60°…60°) in #ddd, e.g. λ = −150° at x = 30/360·720 = 60 px
    const grid = paths.filter(([, s]) => s === '#ddd');
    expect(grid).toHaveLength(16);
    expect(grid[0]![0]).toBe('M60,360L60,0');
    expect(grid.at(-1)![0]).toBe('M0,60L720,60'); // φ = 60°: y = 30/180·360
    expect(paths.filter(([, s]) => s !== '#ddd')).toEqual([
      // (0°, 0°) → (360, 180); (90°, 45°) → (540, 90); palette's first colour
      ['M360,180L540,90', '#1f77b4'],
      // 170° → 700 px, the edge at 720 px, crossing latitude 5° → y = 85/180·360 = 170; −170° → 20 px, 10° → 160
      ['M700,180L720,170', '#d62728'],
      ['M0,170L20,160', '#d62728'],
    ]);
  });

  it('marks the track starts and the station, labels it escaped and right of it', async () => {
    const svg = await groundTrackSvg(input);
    const [starts, stations] = group(svg, 'mark-symbol role-mark');
    expect([...starts!.matchAll(/translate\(([^)]+)\)[^>]*fill="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['360,180', '#1f77b4'],
      ['700,180', '#d62728'],
    ]);
    // vega's circle of area 18 has radius √18/2 = 2.12 px
    expect(starts).toContain('M2.1,0A2.1,2.1,0,1,1,-2.1,0');
    // (−90°, 30°) → (180, 120); triangle of area 45: half-width √45/2 = 3.35, half-height 3.35·√3/2 = 2.90
    expect(stations).toBe('<path transform="translate(180,120)" d="M0,-2.9L-3.4,2.9L3.4,2.9Z"/>');
    // first choice right of the station, 5 px away, vertically centred: baseline 0.3 × 10 px below the anchor
    const [labels] = group(svg, 'mark-text role-mark');
    expect(labels).toBe('<text x="185" y="123" font-size="10" fill="#333">A&amp;B &lt;x&gt;</text>');
  });

  it('splits a coastline stepping from +180° to −180° (one meridian) at the first point, not at 0/0', async () => {
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
    const svg = await groundTrackSvg({
      ...input,
      coastlines: [line, line.map((p) => ({ ...p, lon_deg: -p.lon_deg }))],
    });
    expect(svg).not.toContain('NaN');
    // (170°, 0°) → (700, 180); (180°, 10°) → (720, 160); (−180°, 20°) → (0, 140); (−170°, 30°) → (20, 120)
    expect(svg).toContain('<path d="M700,180L720,160L720,160" stroke="#999"');
    expect(svg).toContain('<path d="M0,160L0,140L20,120" stroke="#999"');
    // the mirrored line, westward: (−170°, 0°) → (20, 180) … (170°, 30°) → (700, 120)
    expect(svg).toContain('<path d="M20,180L0,160L0,160" stroke="#999"');
    expect(svg).toContain('<path d="M720,160L720,140L700,120" stroke="#999"');
  });

  it('draws the frame, both map axes and a legend of the shells in order', async () => {
    const svg = await groundTrackSvg(input);
    expect(svg).toContain('<path class="background" d="M0.5,0.5h720v360h-720Z"');
    const labels = group(svg, 'mark-text role-axis-label').map((g) =>
      [...g.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]),
    );
    expect(labels).toEqual([
      ['−180', '−120', '−60', '0', '60', '120', '180'],
      ['−90', '−60', '−30', '0', '30', '60', '90'],
    ]);
    // the end labels of the x axis sit flush inside the plot: −180 starts at x = 0, 180 ends at x = 720
    expect(svg).toContain('<text x="0" y="16" font-size="11" fill="#000">−180</text>');
    expect(svg).toContain('<text x="720" y="16" font-size="11" text-anchor="end" fill="#000">180</text>');
    const legend = svg.slice(svg.indexOf('role-legend"'));
    expect([...legend.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1])).toEqual(['#1f77b4', '#d62728']);
    expect([...legend.matchAll(/role-legend-label"><text[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      'low',
      'dawn-dusk',
    ]);
    expect(svg).toContain('low: all 1 plane(s); dawn-dusk: all 1 plane(s)');
    expect(svg).toContain('1 h from the epoch, SGP4 every 60 s');
    expect(svg).not.toMatch(/\sid="/); // nothing to collide with when several plots are inlined in one page
  });
});

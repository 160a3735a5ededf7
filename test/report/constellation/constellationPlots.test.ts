import { describe, expect, it } from 'vitest';
import type { LinkGraphDetail } from '../../../src/constellation/record/details.js';
import {
  bridgeGaps,
  contactIntervals,
  contactTimelineChart,
  contactTimelineSvg,
  costBreakdownChart,
  costBreakdownSvg,
  launchCampaignChart,
  envelopeBands,
  FILING_ENVELOPES,
  launchCampaignSvg,
  linkGraphChart,
  linkGraphRows,
  linkColours,
  linkGraphSvg,
  shellMapChart,
  shellMapSvg,
  ssoInclination_deg,
  utilizationBins,
  utilizationHistogramChart,
  utilizationHistogramSvg,
  type LaunchCampaignInput,
} from '../../../src/report/constellation/constellationPlots.js';

const EVIL = '<script>alert(1)</script>"onload="x';

/** DOM-free well-formedness: every tag is strictly shaped, tags balance, no stray `<`/`>` in text. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  const stack: string[] = [];
  const text = svg.replace(
    /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g,
    (_, close: string, name: string, _a: string, self: string) => {
      if (close) expect(stack.pop()).toBe(name);
      else if (!self) stack.push(name);
      return '';
    },
  );
  expect(stack).toEqual([]);
  expect(text).not.toMatch(/[<>]/);
  expect(svg).not.toMatch(/<script/i);
}

async function expectDeterministic(f: () => string | Promise<string>): Promise<string> {
  const a = await f();
  expect(await f()).toBe(a);
  return a;
}

/** P × S torus, +grid: one intra-plane link to the next slot and one inter-plane link to the next plane per node. */
function torus(P: number, S: number, shell = 'shell-A'): LinkGraphDetail {
  const edges: { u: number; v: number; linkClass: string; utilization: number; capacity_Gbps: number }[] = [];
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      const n = p * S + s;
      edges.push({
        u: n,
        v: p * S + ((s + 1) % S),
        linkClass: 'intra',
        utilization: ((n * 7) % 11) / 10,
        capacity_Gbps: 100,
      });
      edges.push({
        u: n,
        v: ((p + 1) % P) * S + s,
        linkClass: 'inter',
        utilization: ((n * 3) % 10) / 10,
        capacity_Gbps: 100,
      });
    }
  return { shell, planes: P, satsPerPlane: S, edges, sampleIndex: 0, reducedModel: false };
}

describe('shellMapSvg', () => {
  const input = {
    designs: [
      { name: 'odc-1', altitude_km: 650, inclination_deg: ssoInclination_deg(650), satellites: 400 },
      { name: 'odc-2', altitude_km: 1100, inclination_deg: 53, satellites: 1200 },
    ],
    references: [
      { name: EVIL, shells: [{ name: 'a', altitude_km: 550, inclination_deg: 53, satellites: 1584 }] },
      { name: 'Ref B', shells: [{ name: 'x', altitude_km: 1200, inclination_deg: 87.9, satellites: 300 }] },
    ],
  };

  it('draws every shell, envelope band and label with unit-carrying axes', async () => {
    const svg = await expectDeterministic(() => shellMapSvg(input));
    expectWellFormed(svg);
    const scene = shellMapChart(input).scenes[0]!;
    expect(scene.dots).toHaveLength(4);
    // SpaceX 30° + SpaceX SSO + Blue Origin SSO
    expect(scene.lines).toHaveLength(3);
    expect(svg).toContain('>altitude [km]</text>');
    expect(svg).toContain('>inclination [deg]</text>');
    expect(svg).toContain('satellites per shell [-]');
    expect(svg).toContain('marker area ∝ √satellites');
    expect(svg).toContain('SpaceX ODC, FCC SAT-LOA-20260108-00016: 500–2,000 km at 30° and SSO');
    expect(svg).toContain('Blue Origin Project Sunrise, FCC SAT-LOA-20260319-00032: 500–1,800 km at SSO');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('follows the J2 SSO inclination from ~97.4° at 500 km to ~104.9° at 2,000 km', () => {
    expect(ssoInclination_deg(500)).toBeCloseTo(97.4, 1);
    expect(ssoInclination_deg(2000)).toBeCloseTo(104.9, 1);
    expect(FILING_ENVELOPES.map((e) => e.altitude_km)).toEqual([
      [500, 2000],
      [500, 1800],
    ]);
    const sso = envelopeBands(FILING_ENVELOPES).filter((b) => b.band === '0-1');
    expect(sso[0]!.h).toBe(500);
    expect(sso[sso.length - 1]!.h).toBe(2000);
    for (const b of sso) expect(b.hi - b.lo).toBeCloseTo(1, 9);
    const fixed = envelopeBands(FILING_ENVELOPES).filter((b) => b.band === '0-0');
    expect(fixed.map((b) => [b.lo, b.hi])).toEqual([
      [29.5, 30.5],
      [29.5, 30.5],
    ]);
  });
});

describe('linkGraphSvg', () => {
  it('draws one piece per link of a 4 × 5 torus, seam links as two stubs', async () => {
    const detail = torus(4, 5, EVIL);
    const svg = await expectDeterministic(() => linkGraphSvg(detail));
    expectWellFormed(svg);
    const scene = linkGraphChart(detail).scenes[0]!;
    // 31 direct links (one piece) + 4 slot-wrap and 5 plane-wrap links (two stubs each)
    expect(scene.lines).toHaveLength(31 + 2 * 9);
    expect(scene.dots).toHaveLength(20);
    expect(svg).toContain('>orbital plane [index]</text>');
    expect(svg).toContain('>slot in plane [index]</text>');
    expect(svg).toContain('link utilisation [-]');
    expect(svg).toContain('maximum concurrent flow');
    expect(svg).toContain('&lt;script&gt;');
    const reduced = await linkGraphSvg({ ...detail, reducedModel: true, sampleIndex: 3 });
    expect(reduced).toContain('reduced torus model');
    expect(reduced).toContain('snapshot at sample 3');
  });

  it('colours the links by class when every link carries the same utilisation', async () => {
    const base = torus(4, 5);
    const saturated = { ...base, edges: base.edges.map((e) => ({ ...e, utilization: 1 })) };
    // intra is the first class met, inter the second: category10's first two colours
    expect(new Set(linkColours(saturated).colours)).toEqual(new Set(['#1f77b4', '#ff7f0e']));
    expect(linkColours(saturated).classes).toEqual(['intra', 'inter']);
    const svg = await linkGraphSvg(saturated);
    expectWellFormed(svg);
    expect(svg).toContain('every link at utilisation 1: links coloured by class');
    const [legend] = linkGraphChart(saturated).scenes[0]!.legends;
    expect(legend!.title).toBe('link class');
    expect(legend!.entries.map((e) => [e.name, e.color])).toEqual([
      ['intra', '#1f77b4'],
      ['inter', '#ff7f0e'],
    ]);
    // utilisations that vary keep the utilisation scale
    expect(linkColours(base).classes).toBeNull();
  });

  it('keeps stubs next to their nodes', () => {
    const rows = linkGraphRows({
      ...torus(4, 5),
      edges: [{ u: 15, v: 0, linkClass: 'inter', utilization: 0.5, capacity_Gbps: 1 }],
    });
    expect(rows.map((r) => [r.x, r.y])).toEqual([
      [3, 0],
      [3.4, 0],
      [null, null],
      [-0.4, 0],
      [0, 0],
    ]);
  });
});

describe('utilizationHistogramSvg', () => {
  it('bins utilisation in tenths and draws ten bars', async () => {
    expect(utilizationBins([0, 0.05, 0.1, 0.3, 0.99, 1, 1.4, NaN]).map((b) => b.count)).toEqual([
      2, 1, 0, 1, 0, 0, 0, 0, 0, 3,
    ]);
    const detail = torus(4, 5);
    const svg = await expectDeterministic(() => utilizationHistogramSvg(detail));
    expectWellFormed(svg);
    expect(utilizationHistogramChart(detail).scenes[0]!.rects).toHaveLength(10);
    expect(svg).toContain('>link utilisation [-]</text>');
    expect(svg).toContain('>links [count]</text>');
  });
});

describe('contactTimelineSvg', () => {
  const pattern = (s: string): Uint8Array => Uint8Array.from(s, (c) => Number(c));

  it('run-length encodes contacts: 0011100110 gives two bars', async () => {
    expect(contactIntervals(pattern('0011100110'))).toEqual([
      [2, 5],
      [7, 9],
    ]);
    expect(contactIntervals(pattern('1101'))).toEqual([
      [0, 2],
      [3, 4],
    ]);
    expect(
      bridgeGaps(
        [
          [0, 2],
          [3, 4],
          [8, 9],
        ],
        1,
      ),
    ).toEqual([
      [0, 4],
      [8, 9],
    ]);
    const one = await expectDeterministic(() =>
      contactTimelineSvg({ step_s: 60, stations: [{ name: EVIL, inContact: pattern('0011100110') }] }),
    );
    expectWellFormed(one);
    const oneScene = contactTimelineChart({ step_s: 60, stations: [{ name: EVIL, inContact: pattern('0011100110') }] })
      .scenes[0]!;
    expect(oneScene.rects.filter((r) => r.color === '#1f77b4')).toHaveLength(2); // contacts
    expect(oneScene.rects.filter((r) => r.color === '#f4a6a0')).toHaveLength(3); // gaps 00, 00 and 0
    expect(one).toContain('>time since epoch [h]</text>');
    expect(one).toContain('Gateway contact timeline per ground station');
    expect(one).toContain('&lt;script&gt;');
    const two = contactTimelineChart({
      step_s: 60,
      stations: [
        { name: 'a', inContact: pattern('0011100110') },
        { name: 'a', inContact: pattern('1000000001') },
      ],
    });
    expect(two.scenes[0]!.rects.filter((r) => r.color === '#1f77b4')).toHaveLength(4);
    expect(two.scenes[0]!.rects.filter((r) => r.color === '#f4a6a0')).toHaveLength(3 + 1);
    expect(two.svg).toContain('a (2)');
  });

  it('bridges short gaps when there are too many intervals, and says so', async () => {
    const alternating = Uint8Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const d = contactTimelineChart({ step_s: 30, stations: [{ name: 's', inContact: alternating }] });
    const svg = d.svg;
    expectWellFormed(svg);
    expect(d.scenes[0]!.rects.length).toBeLessThanOrEqual(2000);
    expect(svg).toMatch(/gaps up to 0\.5 min bridged to draw 1 of 2,?500 contact intervals/);
  });
});

describe('launchCampaignSvg', () => {
  const input: LaunchCampaignInput = {
    deployment: [
      { time_yr: 0.2, satellites: 60 },
      { time_yr: 0.5, satellites: 120 },
      { time_yr: 1.5, satellites: 240 },
      { time_yr: 4, satellites: 300 },
    ],
    milestones: [
      { fraction: 0.5, within_yr: 1, required: 150, achieved: 120, met: false },
      { fraction: 1, within_yr: 6, required: 300, achieved: 300, met: true },
    ],
    satellites: 300,
  };

  it('draws the step line and both milestones as rule corners coloured by status', async () => {
    const svg = await expectDeterministic(() => launchCampaignSvg(input));
    expectWellFormed(svg);
    // the full-constellation rule, the deployment line, then two rules per milestone (met green, missed red)
    const lines = launchCampaignChart(input).scenes[0]!.lines;
    expect(lines.map((l) => l.color)).toEqual(['#999', '#1f77b4', '#2ca02c', '#2ca02c', '#d62728', '#d62728']);
    expect(svg).toContain('1 of 2 milestone(s) met');
    expect(svg).toContain('>satellites in orbit [-]</text>');
    expect(svg).toContain('>time since first launch [yr]</text>');
  });
});

describe('costBreakdownSvg', () => {
  it('stacks five components per design in billions of USD', async () => {
    const rows = [
      {
        label: 'knee',
        hardware_USD: 4e9,
        launch_USD: 2e9,
        operations_USD: 1e9,
        replacements_USD: 0.5e9,
        ground_USD: 0.2e9,
      },
      {
        label: EVIL,
        hardware_USD: 6e9,
        launch_USD: 3e9,
        operations_USD: 1e9,
        replacements_USD: 1e9,
        ground_USD: 0.3e9,
      },
    ];
    const svg = await expectDeterministic(() => costBreakdownSvg(rows));
    expectWellFormed(svg);
    expect(costBreakdownChart(rows).scenes[0]!.rects).toHaveLength(10);
    expect(svg).toContain('>cost [billion USD]</text>');
    expect(svg).toContain('>design [-]</text>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

/** Equal to within 1e-9 px. */
const expectAt = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9);
/** A colour `#rrggbb` as its three levels. */
const levels = (c: string): number[] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

describe('shell map as drawn', () => {
  // one filing at 40° from 500 to 1,500 km, a design shell and a reference shell
  const input = {
    designs: [{ name: 'd', altitude_km: 800, inclination_deg: 60, satellites: 400 }],
    references: [{ name: '<R>', shells: [{ name: 'r', altitude_km: 1000, inclination_deg: 50, satellites: 100 }] }],
    envelopes: [
      {
        name: 'E',
        source: 'S',
        altitude_km: [500, 1500] as [number, number],
        inclinations: [{ kind: 'fixed' as const, inclination_deg: 40 }],
      },
    ],
  };

  it('puts a shell and the band where the axis ranges say', () => {
    const s = shellMapChart(input).scenes[0]!;
    // axes: inclination 39.5–60 padded by 3° → [36.5, 63]; altitude 500–1,500 padded by 80 km → [420, 1,580]
    expect([s.frame.width, s.frame.height]).toEqual([640, 400]);
    const x = (i: number): number => s.frame.x + ((i - 36.5) / 26.5) * 640,
      y = (alt: number): number => s.frame.y + 400 * (1 - (alt - 420) / 1160);
    // the reference shell (50°, 1,000 km) in grey, then the design shell (60°, 800 km) in red
    expect(s.dots.map((d) => d.color)).toEqual(['#8c8c8c', '#d62728']);
    expectAt(s.dots[0]!.x, x(50));
    expectAt(s.dots[0]!.y, y(1000));
    expectAt(s.dots[1]!.x, x(60));
    expectAt(s.dots[1]!.y, y(800));
    // the band: 39.5–40.5° from 500 to 1,500 km, up the low edge and back down the high one
    const band = s.lines[0]!;
    expect(band.color).toBe('#1f77b4');
    const expected = [
      [x(39.5), y(500)],
      [x(39.5), y(1500)],
      [x(40.5), y(1500)],
      [x(40.5), y(500)],
    ];
    band.points.forEach(([px, py], k) => {
      expectAt(px, expected[k]![0]!);
      expectAt(py, expected[k]![1]!);
    });
    // d3's ticks: about one per 80 px on x (26.5°/8 → steps of 5°), one per 40 px on y (1,160 km/10 → 100 km)
    expect(s.xTicks.map((t) => t.label)).toEqual(['40', '45', '50', '55', '60']);
    expect(s.yTicks.map((t) => t.label)).toEqual([
      '500',
      '600',
      '700',
      '800',
      '900',
      '1,000',
      '1,100',
      '1,200',
      '1,300',
      '1,400',
      '1,500',
    ]);
    expectAt(s.yTicks[5]!.at, y(1000));
    expect(shellMapChart(input).svg).toContain('&lt;R&gt;');
  });

  it('has the size, shell and envelope legends with their entries, sizes and colours', () => {
    const [size, shells, envelopes] = shellMapChart(input).scenes[0]!.legends;
    // d3 ticks of [0, 400] by 5: steps of 100, the zero left out (no marker); a marker of n satellites is a circle
    // of diameter √(900·√(n/400)) px, so of area π/4·900·√(n/400) px²
    expect(size!.entries.map((e) => e.name)).toEqual(['100', '200', '300', '400']);
    [100, 200, 300, 400].forEach((n, k) =>
      expect(size!.entries[k]!.size).toBeCloseTo((Math.PI / 4) * 900 * Math.sqrt(n / 400), 9),
    );
    expect(shells!.entries.map((e) => [e.name, e.color])).toEqual([
      ['reference constellation', '#8c8c8c'],
      ['design shell', '#d62728'],
    ]);
    expect(envelopes!.entries.map((e) => [e.name, e.color])).toEqual([['E', '#1f77b4']]);
  });

  it('draws an empty map with its axes and no marks', () => {
    const s = shellMapChart({ designs: [], references: [], envelopes: [] }).scenes[0]!;
    expect(s.dots).toEqual([]);
    expect(s.lines).toEqual([]);
    expect(s.xTicks.length).toBeGreaterThan(1);
    expect(s.legends[0]!.entries).toEqual([]); // no shell: no marker size to show
    // one shell of one satellite: one point, the largest marker, one size entry
    const one = shellMapChart({
      designs: [{ name: 'x', altitude_km: 600, inclination_deg: 45, satellites: 1 }],
      references: [],
      envelopes: [],
    }).scenes[0]!;
    expect(one.dots).toHaveLength(1);
    expect(one.legends[0]!.entries.map((e) => e.name)).toEqual(['1']);
    expect(one.legends[0]!.entries[0]!.size).toBeCloseTo((Math.PI / 4) * 900, 9);
  });
});

describe('link graph as drawn', () => {
  it('draws a seam link as two stubs at the nodes it joins, coloured by viridis', () => {
    const detail: LinkGraphDetail = {
      ...torus(4, 5),
      edges: [
        { u: 15, v: 0, linkClass: 'inter', utilization: 0.5, capacity_Gbps: 1 }, // plane 3 → plane 0 across the seam
        { u: 0, v: 1, linkClass: 'intra', utilization: 0, capacity_Gbps: 1 },
        { u: 1, v: 2, linkClass: 'intra', utilization: 1.4, capacity_Gbps: 1 },
      ],
    };
    const s = linkGraphChart(detail).scenes[0]!;
    // 4 planes × 5 slots: 320 × 240 px over planes [−0.7, 3.7] and slots [−0.7, 4.7]
    expect([s.frame.width, s.frame.height]).toEqual([320, 240]);
    const px = (p: number): number => s.frame.x + ((p + 0.7) / 4.4) * 320,
      py = (q: number): number => s.frame.y + 240 * (1 - (q + 0.7) / 5.4);
    const [stub1, stub2] = s.lines;
    [
      [stub1!, [3, 3.4]],
      [stub2!, [-0.4, 0]],
    ].forEach(([l, xs]) => {
      const line = l as (typeof s.lines)[number];
      (xs as number[]).forEach((p, k) => {
        expectAt(line.points[k]![0], px(p));
        expectAt(line.points[k]![1], py(0));
      });
    });
    // matplotlib's viridis: #21918c at 0.5, #440154 at 0, #fde725 at 1 (utilisation above 1 is clamped)
    const want = ['#21918c', '#21918c', '#440154', '#fde725'];
    s.lines.forEach((l, k) =>
      levels(l.color).forEach((v, j) => expect(Math.abs(v - levels(want[k]!)[j]!)).toBeLessThanOrEqual(1)),
    );
    // the legend: viridis at 0, 0.2 … 1
    const [legend] = s.legends;
    expect(legend!.title).toBe('link utilisation [-]');
    expect(legend!.entries.map((e) => e.name)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(legend!.entries[0]!.color).toBe(s.lines[2]!.color);
    expect(legend!.entries[5]!.color).toBe(s.lines[3]!.color);
  });

  it('puts every node on the plane × slot grid with whole-number ticks', () => {
    const s = linkGraphChart(torus(4, 5)).scenes[0]!;
    expect(s.dots).toHaveLength(20);
    // node 13 is plane 2, slot 3
    expectAt(s.dots[13]!.x, s.frame.x + (2.7 / 4.4) * 320);
    expectAt(s.dots[13]!.y, s.frame.y + 240 * (1 - 3.7 / 5.4));
    expect(s.xTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3']);
    expect(s.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('draws a one-node graph as one node and no link', () => {
    const s = linkGraphChart({ ...torus(1, 1), edges: [] }).scenes[0]!;
    expect(s.dots).toHaveLength(1);
    expect(s.lines).toEqual([]);
    expect(s.xTicks.map((t) => t.label)).toEqual(['0']);
  });
});

describe('utilisation histogram as drawn', () => {
  it('draws each bin as tall as its count on a 0–max axis', async () => {
    // the 4 × 5 torus's 40 utilisations by hand: 4 in each tenth but 3 in 0.4–0.5 and 0.8–0.9, 6 in 0.9–1 (1.0 twice)
    const s = utilizationHistogramChart(torus(4, 5)).scenes[0]!;
    expect([s.frame.width, s.frame.height]).toEqual([420, 240]);
    const counts = [4, 4, 4, 4, 3, 4, 4, 4, 3, 6];
    expect(s.rects).toHaveLength(10);
    s.rects.forEach((r, k) => {
      expectAt(r.x, s.frame.x + 42 * k);
      expectAt(r.width, 42);
      expectAt(r.y, s.frame.y + 240 - 40 * counts[k]!); // the axis reaches the top count, 6: 40 px a link
      expectAt(r.height, 40 * counts[k]!);
    });
    expect(s.xTicks.map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(s.yTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(await utilizationHistogramSvg(torus(4, 5))).toContain('>40 links<');
    const over = await utilizationHistogramSvg({
      ...torus(4, 5, EVIL),
      edges: [{ u: 0, v: 1, linkClass: 'intra', utilization: 1.4, capacity_Gbps: 1 }],
    });
    expect(over).toContain('1 links; 1 above 1 counted in the top bin');
    expect(over).toContain('Link utilisation, shell &lt;script&gt;');
  });

  it('draws no link as ten empty bins on a 0–1 count axis', () => {
    const s = utilizationHistogramChart({ ...torus(1, 1), edges: [] }).scenes[0]!;
    expect(s.rects.map((r) => r.height)).toEqual(Array<number>(10).fill(0));
    expect(s.yTicks.map((t) => t.label)).toEqual(['0', '1']);
  });
});

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
  linkGraphRows,
  linkColours,
  linkGraphSvg,
  shellMapSvg,
  ssoInclination_deg,
  utilizationBins,
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

/** Contents of the data-mark groups of a kind (`mark-line role-mark`, …), one string per group. */
function markGroups(svg: string, kind: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<g class="mark-${kind} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(re)) out.push(m[1]!);
  return out;
}
const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
const axisTitles = (svg: string): string[] =>
  [...svg.matchAll(/role-axis-title"[^>]*><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

async function expectDeterministic(f: () => Promise<string>): Promise<string> {
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
    expect(axisTitles(svg).sort()).toEqual(['altitude [km]', 'inclination [deg]']);
    expect(
      markGroups(svg, 'symbol')
        .map((g) => count(g, /<path/g))
        .reduce((a, b) => a + b, 0),
    ).toBe(4);
    // SpaceX 30° + SpaceX SSO + Blue Origin SSO
    expect(markGroups(svg, 'area').length).toBe(3);
    expect(svg).toContain('satellites per shell [-]');
    expect(svg).toContain('(marker area ∝ √count)');
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
  it('draws one path per link of a 4 × 5 torus, seam links as two stubs', async () => {
    const detail = torus(4, 5, EVIL);
    const svg = await expectDeterministic(() => linkGraphSvg(detail));
    expectWellFormed(svg);
    const lines = markGroups(svg, 'line');
    expect(lines.length).toBe(40);
    expect(lines.every((g) => count(g, /<path/g) === 1)).toBe(true);
    // 31 direct links (one piece) + 4 slot-wrap and 5 plane-wrap links (two stubs each)
    expect(lines.map((g) => count(g, /M/g)).reduce((a, b) => a + b, 0)).toBe(31 + 2 * 9);
    expect(count(markGroups(svg, 'symbol').join(''), /<path/g)).toBe(20);
    expect(axisTitles(svg).sort()).toEqual(['orbital plane [index]', 'slot in plane [index]']);
    expect(svg).toContain('link utilisation [-]');
    expect(svg).toContain('maximum concurrent flow');
    expect(svg).toContain('&lt;script&gt;');
    const reduced = await linkGraphSvg({ ...detail, reducedModel: true, sampleIndex: null });
    expect(reduced).toContain('reduced torus model');
    expect(reduced).toContain('time-averaged');
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
    expect(svg).toContain('link class');
    expect(svg).not.toContain('link utilisation [-]');
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
    expect(count(markGroups(svg, 'rect').join(''), /<path/g)).toBe(10);
    expect(axisTitles(svg).sort()).toEqual(['link utilisation [-]', 'links [count]']);
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

/** The plotting area's frame (x, y, width, height) [px]. */
function frameOf(svg: string): [number, number, number, number] {
  const m = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}
/** Texts of the axis label groups, bottom axis first. */
const axisLabels = (svg: string): string[][] =>
  [...svg.matchAll(/role-axis-label">(.*?)<\/g>/g)].map((m) =>
    [...m[1]!.matchAll(/>([^<]*)<\/text>/g)].map((t) => t[1]!),
  );
/** Labels and their circle's attributes of each legend, in order. */
const legends = (svg: string): { labels: string[]; symbols: string[] }[] =>
  [...svg.matchAll(/role-legend">(.*?)role-legend-label">(.*?)<\/g><\/g>/g)].map((m) => ({
    symbols: [...m[1]!.matchAll(/<path [^>]*\/>/g)].map((p) => p[0]),
    labels: [...m[2]!.matchAll(/>([^<]*)<\/text>/g)].map((t) => t[1]!),
  }));
/** Equal to within the 0.1 px the SVG prints, on each of the two numbers compared. */
const expectNear = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.1 + 1e-9);
const numbers = (s: string): number[] => [...s.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));

describe('shellMapSvg, drawn directly', () => {
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

  it('puts a shell, its marker size and the band where the axis ranges say', async () => {
    const svg = await shellMapSvg(input);
    expectWellFormed(svg);
    // axes: inclination 39.5–60 padded by 3° → [36.5, 63]; altitude 500–1,500 padded by 80 km → [420, 1,580]
    const [fx, fy, w, h] = frameOf(svg);
    expect([w, h]).toEqual([640, 400]);
    const x = (i: number): number => ((i - 36.5) / 26.5) * 640,
      y = (alt: number): number => 400 * (1 - (alt - 420) / 1160);
    // the marks are drawn in the frame's pixels, shifted to it
    const shift = numbers(/<g transform="translate\(([^)]*)\)"><g class="mark-area/.exec(svg)![1]!);
    expect(shift).toEqual([fx, fy]);
    const circles = [
      ...markGroups(svg, 'symbol')[0]!.matchAll(/translate\(([^)]*)\)" d="M([\d.]+),[^"]*" fill="([^"]*)"/g),
    ];
    // vega's circle of area s has radius √s / 2: 900 px² for the largest shell (400), 900·√(100/400) for the other
    expect(circles.map((c) => [...numbers(c[1]!), Number(c[2]), c[3]])).toEqual([
      [
        Math.round(x(50) * 10) / 10,
        Math.round(y(1000) * 10) / 10,
        Math.round((Math.sqrt(450) / 2) * 10) / 10,
        '#8c8c8c',
      ],
      [Math.round(x(60) * 10) / 10, Math.round(y(800) * 10) / 10, 15, '#d62728'],
    ]);
    // the band: 39.5–40.5° from 500 to 1,500 km, up the low edge and back down the high one
    const band = numbers(
      /<g class="mark-area role-mark"><path d="([^"]*)" fill="#1f77b4" opacity="0.3"/.exec(svg)![1]!,
    );
    const expected = [x(39.5), y(500), x(39.5), y(1500), x(40.5), y(1500), x(40.5), y(500)];
    band.forEach((v, k) => expectNear(v, expected[k]!));
    // vega-lite's ticks: one per 40 px → 2° steps from 38° and 100 km steps on the altitude axis
    expect(axisLabels(svg)).toEqual([
      ['38', '40', '42', '44', '46', '48', '50', '52', '54', '56', '58', '60', '62'],
      ['500', '600', '700', '800', '900', '1,000', '1,100', '1,200', '1,300', '1,400', '1,500'],
    ]);
    expect(svg).toContain('&lt;R&gt;');
  });

  it('has the size, shell and envelope legends with their entries and colours', async () => {
    const [size, shells, envelopes] = legends(await shellMapSvg(input));
    // d3 ticks of [0, 400] by 5: steps of 100, the zero left out (no marker)
    expect(size!.labels).toEqual(['100', '200', '300', '400']);
    const radii = size!.symbols.map((s) => Number(/d="M([\d.]+),/.exec(s)![1]));
    expect(radii).toEqual(
      [100, 200, 300, 400].map((n) => Math.round((Math.sqrt(900 * Math.sqrt(n / 400)) / 2) * 10) / 10),
    );
    expect(shells!.labels).toEqual(['design shell', 'reference constellation']);
    expect(shells!.symbols.map((s) => /fill="([^"]*)"/.exec(s)![1])).toEqual(['#d62728', '#8c8c8c']);
    expect(envelopes!.labels).toEqual(['E']);
    expect(envelopes!.symbols[0]).toContain('fill="#1f77b4"');
  });
});

describe('linkGraphSvg, drawn directly', () => {
  // 4 planes × 5 slots: 320 × 240 px over planes [−0.7, 3.7] and slots [−0.7, 4.7]
  const px = (p: number): number => ((p + 0.7) / 4.4) * 320,
    py = (s: number): number => 240 * (1 - (s + 0.7) / 5.4);

  it('draws a seam link as two stubs at the nodes it joins, coloured by viridis', async () => {
    const detail: LinkGraphDetail = {
      ...torus(4, 5),
      edges: [
        { u: 15, v: 0, linkClass: 'inter', utilization: 0.5, capacity_Gbps: 1 }, // plane 3 → plane 0 across the seam
        { u: 0, v: 1, linkClass: 'intra', utilization: 0, capacity_Gbps: 1 },
        { u: 1, v: 2, linkClass: 'intra', utilization: 1.4, capacity_Gbps: 1 },
      ],
    };
    const svg = await linkGraphSvg(detail);
    expectWellFormed(svg);
    const [fx, fy, w, h] = frameOf(svg);
    expect([w, h]).toEqual([320, 240]);
    const lines = markGroups(svg, 'line');
    const seam = /d="([^"]*)"/.exec(lines[0]!)![1]!;
    expect(seam.replace(/[\d.,-]+/g, '')).toBe('MLML');
    const pts = numbers(seam);
    const expected = [px(3), py(0), px(3.4), py(0), px(-0.4), py(0), px(0), py(0)];
    pts.forEach((v, k) => expectNear(v - (k % 2 === 0 ? fx : fy), expected[k]!));
    // matplotlib's viridis: #21918c at 0.5, #440154 at 0, #fde725 at 1 (utilisation above 1 is clamped)
    const rgb = lines.map((g) => numbers(/stroke="rgb\(([^)]*)\)"/.exec(g)![1]!));
    [
      [0x21, 0x91, 0x8c],
      [0x44, 0x01, 0x54],
      [0xfd, 0xe7, 0x25],
    ].forEach((c, k) => c.forEach((v, j) => expect(Math.abs(rgb[k]![j]! - v)).toBeLessThanOrEqual(1)));
    // the colour ramp: a gradient under the plot's own id, referenced by the legend's bar
    expect(svg).toContain('<linearGradient id="link-graph-gradient0"');
    expect(svg).toContain('fill="url(#link-graph-gradient0)"');
    expect(legends(svg).map((l) => l.labels)).toEqual([['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']]);
  });

  it('puts every node on the plane × slot grid with whole-number ticks', async () => {
    const svg = await linkGraphSvg(torus(4, 5));
    const [fx, fy] = frameOf(svg);
    const nodes = [...markGroups(svg, 'symbol')[0]!.matchAll(/translate\(([^)]*)\)/g)].map((m) => numbers(m[1]!));
    expect(nodes.length).toBe(20);
    // node 13 is plane 2, slot 3
    expectNear(nodes[13]![0]! - fx, px(2));
    expectNear(nodes[13]![1]! - fy, py(3));
    expect(axisLabels(svg)).toEqual([
      ['0', '1', '2', '3'],
      ['0', '1', '2', '3', '4'],
    ]);
  });
});

describe('utilizationHistogramSvg, drawn directly', () => {
  it('draws each bin as tall as its count on a 0–max axis', async () => {
    // the 4 × 5 torus's 40 utilisations by hand: 4 in each tenth but 3 in 0.4–0.5 and 0.8–0.9, 6 in 0.9–1 (1.0 twice)
    const svg = await utilizationHistogramSvg(torus(4, 5));
    const [fx, fy, w, h] = frameOf(svg);
    expect([w, h]).toEqual([420, 240]);
    const bars = [...markGroups(svg, 'rect')[0]!.matchAll(/d="([^"]*)"/g)].map((m) => numbers(m[1]!));
    const counts = [4, 4, 4, 4, 3, 4, 4, 4, 3, 6];
    bars.forEach(([x, y, bw, bh], k) => {
      expectNear(x! - fx, 42 * k);
      expectNear(bw!, 42);
      expectNear(y! - fy, 240 - 40 * counts[k]!); // the axis reaches the top count, 6: 40 px a link
      expectNear(bh!, 40 * counts[k]!);
    });
    expect(axisLabels(svg)).toEqual([
      ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'],
      ['0', '1', '2', '3', '4', '5', '6'],
    ]);
    expect(svg).toContain('>40 links<');
    const over = await utilizationHistogramSvg({
      ...torus(4, 5, EVIL),
      edges: [{ u: 0, v: 1, linkClass: 'intra', utilization: 1.4, capacity_Gbps: 1 }],
    });
    expect(over).toContain('1 links; 1 above 1 counted in the top bin');
    expect(over).toContain('Link utilisation, shell &lt;script&gt;');
  });
});

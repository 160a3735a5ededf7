import { describe, expect, it } from 'vitest';
import type { LinkGraphDetail } from '../../../src/constellation/record/details.js';
import {
  bridgeGaps,
  contactIntervals,
  contactTimelineSvg,
  costBreakdownSvg,
  envelopeBands,
  FILING_ENVELOPES,
  launchCampaignSvg,
  linkGraphRows,
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
    expect(count(markGroups(one, 'rect').join(''), /<path[^>]*fill="#1f77b4"/g)).toBe(2); // contacts
    expect(count(markGroups(one, 'rect').join(''), /<path[^>]*fill="#f4a6a0"/g)).toBe(3); // gaps 00, 00 and 0
    expect(axisTitles(one)).toEqual(['time since epoch [h]']);
    expect(one).toContain('Gateway contact timeline per ground station');
    expect(one).toContain('&lt;script&gt;');
    const two = await contactTimelineSvg({
      step_s: 60,
      stations: [
        { name: 'a', inContact: pattern('0011100110') },
        { name: 'a', inContact: pattern('1000000001') },
      ],
    });
    expect(count(markGroups(two, 'rect').join(''), /<path[^>]*fill="#1f77b4"/g)).toBe(4);
    expect(count(markGroups(two, 'rect').join(''), /<path[^>]*fill="#f4a6a0"/g)).toBe(3 + 1);
    expect(two).toContain('a (2)');
  });

  it('bridges short gaps when there are too many intervals, and says so', async () => {
    const alternating = Uint8Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const svg = await contactTimelineSvg({ step_s: 30, stations: [{ name: 's', inContact: alternating }] });
    expectWellFormed(svg);
    expect(count(markGroups(svg, 'rect').join(''), /<path/g)).toBeLessThanOrEqual(2000);
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
    expect(markGroups(svg, 'line').length).toBe(1);
    const rules = markGroups(svg, 'rule').map((g) => count(g, /<line/g));
    expect(rules).toEqual([1, 4]); // full-constellation rule, then two rules per milestone
    expect(svg).toContain('#d62728');
    expect(svg).toContain('#2ca02c');
    expect(svg).toContain('1 of 2 milestone(s) met');
    expect(axisTitles(svg).sort()).toEqual(['satellites in orbit [-]', 'time since first launch [yr]']);
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
    expect(count(markGroups(svg, 'rect').join(''), /<path/g)).toBe(10);
    expect(axisTitles(svg).sort()).toEqual(['cost [billion USD]', 'design [-]']);
    expect(svg).toContain('&lt;script&gt;');
  });
});

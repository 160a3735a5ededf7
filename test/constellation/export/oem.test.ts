/**
 * CCSDS OEM read by independent parsers, never odc's writer: KVN by one written here from CCSDS 502.0-B-3 §5 and §7
 * (keyword = value lines, COMMENT lines, META_START/META_STOP blocks, data lines of epoch and six numbers), XML by
 * Python's xml.etree (CCSDS 505.0-B-3 element names). Checked: the header and metadata keywords the standard
 * requires, START_TIME/STOP_TIME against the data, and the states against odc's
 * own SGP4 of the same satellites (pattern.ts elements through propagate.ts `circularState`) within 1 m, at the
 * written epochs and, by Lagrange interpolation of the stated degree, between them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportableConstellation } from '../../../src/constellation/export/exportSatellites.js';
import { writeOem } from '../../../src/constellation/export/oem.js';
import { parseSatelliteSelection, selectionPredicate } from '../../../src/constellation/export/satelliteSelection.js';
import { satelliteElements } from '../../../src/constellation/geometry/pattern.js';
import { circularState } from '../../../src/constellation/geometry/propagate.js';
import { shell } from '../../helpers/shellSpec.js';
import { PYTHON } from '../../helpers/pythonSgp4.js';
import { spawnSync } from 'node:child_process';

const EPOCH = '2026-03-20T00:00:00Z';
const spec: ExportableConstellation = {
  name: 'oem',
  window: { epochIso: EPOCH },
  shells: [
    { geometry: shell({ name: 'a', planes: 4, satsPerPlane: 6 }) },
    { geometry: shell({ name: 'b', altitude_m: 1_100e3, inclination_rad: 1.2, planes: 2, satsPerPlane: 3 }) },
  ],
};

interface Segment {
  meta: Record<string, string>;
  states: { t_ms: number; r: number[]; v: number[] }[];
}

/** KVN OEM → header keywords and segments (throws on a line that fits none of the standard's forms). */
function parseOem(text: string): { header: Record<string, string>; segments: Segment[] } {
  const header: Record<string, string> = {};
  const segments: Segment[] = [];
  let inMeta = false;
  const lines = text.split('\n');
  if (!/^CCSDS_OEM_VERS\s*=/.test(lines[0]!)) throw new Error('first line must be CCSDS_OEM_VERS');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('COMMENT')) continue;
    if (line === 'META_START') {
      segments.push({ meta: {}, states: [] });
      inMeta = true;
    } else if (line === 'META_STOP') inMeta = false;
    else if (/^[A-Z_]+\s*=/.test(line)) {
      const [k, ...v] = line.split('=');
      (inMeta ? segments.at(-1)!.meta : header)[k!.trim()] = v.join('=').trim();
    } else {
      const f = line.split(/\s+/);
      if (f.length !== 7 || segments.length === 0 || inMeta) throw new Error(`bad data line: ${line}`);
      const n = f.slice(1).map(Number);
      if (n.some((x) => !Number.isFinite(x))) throw new Error(`bad number in ${line}`);
      segments.at(-1)!.states.push({ t_ms: Date.parse(`${f[0]}Z`), r: n.slice(0, 3), v: n.slice(3) });
    }
  }
  return { header, segments };
}

/** odc's SGP4 state of satellite (shell, plane, slot) at t [s] from the epoch: position [km]. */
function sgp4At(shellIndex: number, plane: number, slot: number, t_s: number): number[] {
  const g = spec.shells[shellIndex]!.geometry;
  const e = [...satelliteElements(g, EPOCH)].find((x) => x.plane === plane && x.slot === slot)!;
  const s = new Float64Array(6);
  circularState(e, EPOCH)(t_s / 60, s);
  return [s[0]!, s[1]!, s[2]!];
}

/** Lagrange interpolation of the points (x_i, y_i) at x. */
function lagrange(xs: readonly number[], ys: readonly number[], x: number): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    let w = 1;
    for (let j = 0; j < xs.length; j++) if (j !== i) w *= (x - xs[j]!) / (xs[i]! - xs[j]!);
    sum += w * ys[i]!;
  }
  return sum;
}

const write = (select: string, span_s: number, step_s: number, layout: 'kvn' | 'xml' = 'kvn'): string => {
  let text = '';
  const select_ = selectionPredicate(spec, parseSatelliteSelection(spec, select));
  const options = { creationDate: EPOCH, select: select_, span_s, step_s, catalogBase: 7 };
  writeOem(spec, (c) => void (text += c), options, layout);
  return text;
};

/** OEM XML read by Python's xml.etree (a real XML parser): header fields and per segment metadata and states. */
function parseOemXml(text: string): { header: Record<string, string>; segments: Segment[] } {
  const script = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
assert root.tag == 'oem' and root.get('id') == 'CCSDS_OEM_VERS', root.tag
header = {e.tag: e.text for e in root.find('header') if e.tag != 'COMMENT'}
header['CCSDS_OEM_VERS'] = root.get('version')
segs = []
for seg in root.find('body').findall('segment'):
    meta = {e.tag: e.text for e in seg.find('metadata')}
    states = [[sv.find(k).text for k in ('EPOCH', 'X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT')]
              for sv in seg.find('data').findall('stateVector')]
    segs.append({'meta': meta, 'states': states})
print(json.dumps({'header': header, 'segments': segs}))
`;
  const r = spawnSync(PYTHON, ['-c', script], { input: text, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${PYTHON} could not read the OEM XML: ${r.stderr}`);
  const raw = JSON.parse(r.stdout) as {
    header: Record<string, string>;
    segments: { meta: Record<string, string>; states: string[][] }[];
  };
  return {
    header: raw.header,
    segments: raw.segments.map((g) => ({
      meta: g.meta,
      states: g.states.map(([t, ...n]) => ({
        t_ms: Date.parse(`${t}Z`),
        r: n.slice(0, 3).map(Number),
        v: n.slice(3).map(Number),
      })),
    })),
  };
}

describe.each(['kvn', 'xml'] as const)('OEM (%s) read by an independent parser', (layout) => {
  let header: Record<string, string>, segments: Segment[];
  beforeAll(() => {
    const text = write('a/P2,b/P1/S2', 3 * 3600, 60, layout);
    ({ header, segments } = layout === 'kvn' ? parseOem(text) : parseOemXml(text));
  });

  it('carries the header and metadata keywords CCSDS 502.0-B-3 requires, one segment per satellite', () => {
    expect(header).toMatchObject({ CCSDS_OEM_VERS: '3.0', ORIGINATOR: 'odc' });
    expect(header['CREATION_DATE']).toBe('2026-03-20T00:00:00.000');
    expect(segments.map((s) => s.meta['OBJECT_NAME'])).toEqual([
      ...Array.from({ length: 6 }, (_, k) => `oem-a-P2-S${k}`),
      'oem-b-P1-S2',
    ]);
    for (const s of segments) {
      expect(s.meta).toMatchObject({ CENTER_NAME: 'EARTH', REF_FRAME: 'TEME', TIME_SYSTEM: 'UTC' });
      expect(s.meta).toMatchObject({ INTERPOLATION: 'LAGRANGE', INTERPOLATION_DEGREE: '7' });
      expect(s.meta['OBJECT_ID']).toMatch(/^2026-900[A-Z]+$/);
      expect(s.states.length).toBe(181); // 3 h at 60 s: 180 steps + 1
      expect(Date.parse(`${s.meta['START_TIME']}Z`)).toBe(s.states[0]!.t_ms);
      expect(Date.parse(`${s.meta['STOP_TIME']}Z`)).toBe(s.states.at(-1)!.t_ms);
      expect(s.states[1]!.t_ms - s.states[0]!.t_ms).toBe(60_000);
    }
  });

  it('positions within 1 m of odc SGP4 at sampled epochs, speeds those of a 550 km orbit', () => {
    let worst_m = 0;
    for (const [seg, [shellIndex, plane, slot]] of [
      [segments[0]!, [0, 2, 0]],
      [segments[5]!, [0, 2, 5]],
      [segments[6]!, [1, 1, 2]],
    ] as const)
      for (const k of [0, 37, 180]) {
        const st = seg.states[k]!;
        const e = sgp4At(shellIndex, plane, slot, k * 60);
        worst_m = Math.max(worst_m, 1000 * Math.hypot(st.r[0]! - e[0]!, st.r[1]! - e[1]!, st.r[2]! - e[2]!));
      }
    expect(worst_m).toBeLessThan(1);
    // v = √(μ/a) = √(398600.4418 / 6928.137) = 7.590 km/s at 550 km (two-body; SGP4 within ~0.01 km/s)
    const v = Math.hypot(...segments[0]!.states[0]!.v);
    expect(Math.abs(v - 7.59)).toBeLessThan(0.02);
  });

  it('interpolates between states (Lagrange, 8 points) to within 1 m of SGP4', () => {
    const s = segments[0]!.states;
    const at_s = 60 * 40 + 27; // between states 40 and 41
    const idx = [37, 38, 39, 40, 41, 42, 43, 44];
    const xs = idx.map((i) => i * 60);
    const r = [0, 1, 2].map((c) =>
      lagrange(
        xs,
        idx.map((i) => s[i]!.r[c]!),
        at_s,
      ),
    );
    const e = sgp4At(0, 2, 0, at_s);
    expect(1000 * Math.hypot(r[0]! - e[0]!, r[1]! - e[1]!, r[2]! - e[2]!)).toBeLessThan(1);
  });
});

describe('OEM selection and span', () => {
  it('refuses a span shorter than a step, an unknown shell or an absent plane', () => {
    expect(() => write('a', 30, 60)).toThrow('OEM span (30 s) must be at least one step (60 s)');
    expect(() => write('c', 600, 60)).toThrow("satellite selection 'c': no shell of that name (shells: a, b)");
    expect(() => write('b/P2', 600, 60)).toThrow('shell b has planes P0…P1');
  });
});

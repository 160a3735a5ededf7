/**
 * OEM as one message per object (CCSDS 502.0-B-3 §5.2: a message's segments may each hold an object, but a strict
 * reader such as the `oem` Python package, and GMAT's and STK's ephemeris propagators, attach one file to one
 * spacecraft): `odc export --format oem|oem-xml --out <folder>` writes one file per selected satellite and a
 * manifest. Each file is read here by a strict one-object reader written from the standard (KVN: exactly one
 * META_START…META_STOP block, the header and metadata keywords §5.2.2–5.2.3 require, data lines of an epoch and six
 * numbers, OBJECT_NAME fixed; XML: Python's xml.etree finds exactly one <segment>), its object the manifest's row.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { PYTHON } from '../../helpers/pythonSgp4.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { skyfieldFromTeme } from '../../helpers/skyfieldFrames.js';

const HEADER = ['CCSDS_OEM_VERS', 'CREATION_DATE', 'ORIGINATOR'];
const META = ['OBJECT_NAME', 'OBJECT_ID', 'CENTER_NAME', 'REF_FRAME', 'TIME_SYSTEM', 'START_TIME', 'STOP_TIME'];

/** A KVN OEM of one object: its metadata and number of states; throws on a second object or a malformed line. */
function readOneObject(text: string): { meta: Record<string, string>; states: number } {
  const header: Record<string, string> = {};
  const meta: Record<string, string> = {};
  let blocks = 0;
  let inMeta = false;
  let states = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('COMMENT')) continue;
    if (line === 'META_START') {
      if (++blocks > 1) throw new Error('a second object in one OEM');
      inMeta = true;
    } else if (line === 'META_STOP') inMeta = false;
    else if (/^[A-Z_]+\s*=/.test(line)) {
      const [k, ...v] = line.split('=');
      (blocks === 0 ? header : meta)[k!.trim()] = v.join('=').trim();
      if (blocks > 0 && !inMeta) throw new Error(`keyword outside metadata: ${line}`);
    } else {
      const f = line.split(/\s+/);
      if (inMeta || blocks === 0 || f.length !== 7 || f.slice(1).some((x) => !Number.isFinite(Number(x))))
        throw new Error(`bad data line: ${line}`);
      states++;
    }
  }
  for (const k of HEADER) if (header[k] === undefined) throw new Error(`header lacks ${k}`);
  for (const k of META) if (meta[k] === undefined) throw new Error(`metadata lacks ${k}`);
  return { meta, states };
}

const YAML = `kind: constellation
name: folder
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 3, satsPerPlane: 4 }
  - { name: b, altitude_km: 650, inclination_deg: 70, planes: 2, satsPerPlane: 2 }
isl: { topology: none }
`;

interface ManifestRow {
  file: string;
  OBJECT_NAME: string;
  OBJECT_ID: string;
  NORAD_CAT_ID: number;
}

describe('OEM: one object per file, a manifest', () => {
  const dir = tempDir('odc-oem-folder-');
  const design = writeFile(dir, 'folder.yaml', YAML);

  it('KVN: every selected satellite in its own file, each read by a strict one-object reader', async () => {
    const out = join(dir, 'kvn');
    const r = await odc('export', design, '--format', 'oem', '--satellites', 'a/P1, b', '--span-h', '1', '--out', out);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { satellites: ManifestRow[] };
    // plane 1 of a (4) and all of b (4)
    expect(manifest.satellites.map((s) => s.OBJECT_NAME)).toEqual([
      ...[0, 1, 2, 3].map((k) => `folder-a-P1-S${k}`),
      ...['P0-S0', 'P0-S1', 'P1-S0', 'P1-S1'].map((k) => `folder-b-${k}`),
    ]);
    expect(readdirSync(out).sort()).toEqual([...manifest.satellites.map((s) => s.file), 'manifest.json'].sort());
    for (const s of manifest.satellites) {
      const { meta, states } = readOneObject(readFileSync(join(out, s.file), 'utf8'));
      expect(meta['OBJECT_NAME']).toBe(s.OBJECT_NAME);
      expect(meta['OBJECT_ID']).toBe(s.OBJECT_ID);
      expect(states).toBe(61); // 1 h at 60 s, both ends
    }
  });

  it('XML: one <segment> per file (xml.etree), its object the manifest row', async () => {
    const out = join(dir, 'xml');
    const r = await odc(
      'export',
      design,
      '--format',
      'oem-xml',
      '--satellites',
      'b/P0',
      '--span-h',
      '0.5',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { satellites: ManifestRow[] };
    expect(manifest.satellites).toHaveLength(2);
    for (const s of manifest.satellites) {
      const script = `
import sys, xml.etree.ElementTree as ET
segs = ET.parse(sys.argv[1]).getroot().find('body').findall('segment')
print(len(segs), segs[0].find('metadata').find('OBJECT_NAME').text)`;
      const py = spawnSync(PYTHON, ['-c', script, join(out, s.file)], { encoding: 'utf8' });
      expect(py.stderr).toBe('');
      expect(py.stdout.trim()).toBe(`1 ${s.OBJECT_NAME}`);
    }
  });

  it('--frame eme2000: REF_FRAME and manifest say EME2000; states within 1 m of skyfield from the TEME ones', async () => {
    // two shells' satellites, states over 3 h at 30 min, epochs 2026 and 2031: skyfield
    // (test/helpers/skyfieldFrames.ts) rotates odc's own TEME states; the frame bias makes its GCRS differ by ~0.7 m,
    // so EME2000 is compared
    const states = (text: string): [string, number[]][] =>
      text
        .split('\n')
        .filter((l) => /^\d{4}-/.test(l))
        .map((l) => l.split(' '))
        .map(([e, ...v]) => [`${e!}Z`, v.map(Number)]);
    const pairs: [string, number[], number[]][] = [];
    for (const epoch of ['2026-03-20T00:00:00Z', '2031-07-01T06:30:00Z']) {
      const run = async (frame: string) => {
        const out = join(dir, `frame-${frame}-${epoch.slice(0, 4)}`);
        const args = ['--satellites', 'a/P2/S1, b/P1/S0', '--span-h', '3', '--step-s', '1800', '--epoch', epoch];
        const r = await odc('export', design, '--format', 'oem', ...args, '--frame', frame, '--out', out);
        expect(r.code).toBe(0);
        const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
          frame: { REF_FRAME: string };
          satellites: ManifestRow[];
        };
        expect(manifest.frame.REF_FRAME).toBe(frame.toUpperCase());
        return manifest.satellites.map((s) => readFileSync(join(out, s.file), 'utf8'));
      };
      const [teme, eme] = [await run('teme'), await run('eme2000')];
      for (const [k, text] of eme.entries()) {
        expect(readOneObject(text).meta['REF_FRAME']).toBe('EME2000');
        const [a, b] = [states(teme[k]!), states(text)];
        expect(b).toHaveLength(7);
        for (const [i, [e, v]] of a.entries()) pairs.push([e, v, b[i]![1]]);
      }
    }
    const sky = skyfieldFromTeme(pairs.flatMap(([e, v]) => [[e, v.slice(0, 3)] as const, [e, v.slice(3)] as const]));
    for (const [i, [e, teme, eme]] of pairs.entries()) {
      const [r, v] = [sky[2 * i]!.eme2000, sky[2 * i + 1]!.eme2000];
      const dr_m = 1e3 * Math.hypot(...r.map((x, j) => x - eme[j]!));
      const dv_mm_s = 1e6 * Math.hypot(...v.map((x, j) => x - eme[3 + j]!));
      expect(dr_m, e).toBeLessThan(1); // 1 mm of rounding in the file, ~1 cm of IAU 2000B against 2000A
      expect(dv_mm_s, e).toBeLessThan(0.1);
      // and the rotation is not the identity: precession since 2000 alone turns a LEO vector by km (its z
      // component, along the pole, moves least: 7 km found for the satellites here)
      expect(1e3 * Math.hypot(...teme.slice(0, 3).map((x, j) => x - eme[j]!))).toBeGreaterThan(1e3);
    }
  });

  it('--frame refused, exit 2 naming the flag and its values, nothing left: an unknown frame, a format without one', async () => {
    // the frames an OEM takes: CCSDS 502.0-B-3 Annex A (SANA) names TEME and EME2000; odc writes these two
    const cases: [string, string, string][] = [
      ['oem', 'gcrf', 'unknown-frame'],
      ['oem-xml', 'J2000', 'unknown-frame-xml'],
      ['omm', 'eme2000', 'omm.json'],
      ['omm-xml', 'eme2000', 'omm.xml'],
      ['tle', 'teme', 'sats.tle'],
      ['csv', 'eme2000', 'sats.csv'],
      ['czml', 'eme2000', 'scene.czml'],
      ['network', 'eme2000', 'network'],
    ];
    for (const [format, frame, name] of cases) {
      const out = join(dir, `refused-${name}`);
      const r = await odc('export', design, '--format', format, '--frame', frame, '--out', out);
      expect(r.code, `${format} --frame ${frame}`).toBe(2);
      expect(r.err).toContain('--frame');
      expect(r.err).toMatch(/teme or eme2000/);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      if (name.startsWith('unknown')) expect(r.err).toContain(`--frame ${frame}: expected teme or eme2000`);
      else expect(r.err).toContain(`--format ${format} is written in`);
      expect(existsSync(out), out).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('refused-') || f.includes('.tmp'))).toEqual([]);
  });

  it('one satellite without --out: its OEM on stdout, no manifest', async () => {
    const r = await odc('export', design, '--format', 'oem', '--satellites', 'a/P0/S0', '--span-h', '0.5');
    expect(r.code).toBe(0);
    expect(readOneObject(r.out).meta['OBJECT_NAME']).toBe('folder-a-P0-S0');
    const many = await odc('export', design, '--format', 'oem', '--satellites', 'a/P0', '--span-h', '0.5');
    expect(many.code).toBe(2);
    expect(many.err).toContain('give --out <folder>');
  });
});

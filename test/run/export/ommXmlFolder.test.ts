/**
 * `odc export --format omm-xml --split --out <folder>`: one OMM per file for single-message readers (Orekit's OMM
 * parser), beside the combined NDM. Each file is checked by a strict reader written from the standards: CCSDS
 * 505.0-B-3 (NDM/XML) makes `<omm id="CCSDS_OMM_VERS" version="3.0">` the root of a lone message with `<header>` and
 * `<body>`, the body one `<segment>` of `<metadata>` and `<data>`; CCSDS 502.0-B-3 §4.2 (tables 4-2, 4-3) orders the
 * metadata OBJECT_NAME, OBJECT_ID, CENTER_NAME, REF_FRAME, TIME_SYSTEM, MEAN_ELEMENT_THEORY and the mean elements
 * EPOCH, MEAN_MOTION, ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER, MEAN_ANOMALY. python-sgp4's
 * `omm.parse_xml` then reads each file and propagates it to the positions it finds in the combined NDM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { PYTHON, pythonOmm } from '../../helpers/pythonSgp4.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const YAML = `kind: constellation
name: split
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 3 }
  - { name: b, altitude_km: 1100, inclination_deg: 87, planes: 1, satsPerPlane: 2 }
isl: { topology: none }
`;

const STRICT = `
import sys, xml.etree.ElementTree as ET
names = lambda e: [c.tag for c in e]
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'omm' and root.get('id') == 'CCSDS_OMM_VERS' and root.get('version') == '3.0', root.tag
assert names(root) == ['header', 'body'], names(root)
assert {'CREATION_DATE', 'ORIGINATOR'} <= set(names(root.find('header')))
assert names(root.find('body')) == ['segment'], 'one segment'
seg = root.find('body/segment')
assert names(seg) == ['metadata', 'data'], names(seg)
meta = [t for t in names(seg.find('metadata')) if t != 'COMMENT']
assert meta == ['OBJECT_NAME', 'OBJECT_ID', 'CENTER_NAME', 'REF_FRAME', 'TIME_SYSTEM', 'MEAN_ELEMENT_THEORY'], meta
mean = names(seg.find('data/meanElements'))
assert mean == ['EPOCH', 'MEAN_MOTION', 'ECCENTRICITY', 'INCLINATION', 'RA_OF_ASC_NODE', 'ARG_OF_PERICENTER',
                'MEAN_ANOMALY'], mean
print(seg.find('metadata/OBJECT_NAME').text)
`;

describe('omm-xml --split: one OMM per file', () => {
  const dir = tempDir('odc-omm-split-');
  const design = writeFile(dir, 'split.yaml', YAML);

  it('every satellite in a file a strict single-OMM reader and python-sgp4 open, as in the combined NDM', async () => {
    const out = join(dir, 'split');
    const r = await odc('export', design, '--format', 'omm-xml', '--split', '--out', out);
    expect(r.code).toBe(0);
    const combined = join(dir, 'all.xml');
    expect((await odc('export', design, '--format', 'omm-xml', '--out', combined)).code).toBe(0);
    const times = [0, 95, 1440];
    const all = pythonOmm('xml', combined, times);
    expect(all).toHaveLength(8);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      satellites: { file: string; OBJECT_NAME: string; NORAD_CAT_ID: number }[];
    };
    expect(manifest.satellites.map((s) => s.OBJECT_NAME)).toEqual(all.map((s) => s.name));
    for (const [k, s] of manifest.satellites.entries()) {
      const path = join(out, s.file);
      const strict = spawnSync(PYTHON, ['-c', STRICT, path], { encoding: 'utf8' });
      expect(strict.stderr).toBe('');
      expect(strict.stdout.trim()).toBe(s.OBJECT_NAME);
      const [one, ...more] = pythonOmm('xml', path, times);
      expect(more).toHaveLength(0);
      expect(one!.satnum).toBe(s.NORAD_CAT_ID);
      expect(one!.r).toEqual(all[k]!.r); // the same elements as the combined NDM's message: the same SGP4 states
      expect(readFileSync(path, 'utf8')).toContain('<COMMENT>'); // each message states the numbering
    }
  });

  it('--split needs omm-xml and a folder; refused with nothing written', async () => {
    const out = join(dir, 'refused');
    const tle = await odc('export', design, '--format', 'tle', '--split', '--out', out);
    expect(tle.code).toBe(2);
    expect(tle.err).toContain('--split');
    const noOut = await odc('export', design, '--format', 'omm-xml', '--split');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('give --out <folder>');
    expect(existsSync(out)).toBe(false);
  });
});

/**
 * OMM (JSON and CCSDS XML) read back by a real reader: python-sgp4's `omm.initialize` / `omm.parse_xml` (Debian's
 * python3-sgp4), which propagates every record read; its positions must come within 1 m of odc's own SGP4 of the
 * same satellites (pattern.ts elements through propagate.ts `circularState`, never the writers under test).
 * Numbers: NORAD_CAT_ID = base + export index (the stated policy, docs/constellations.md §"Hand-off to other tools"),
 * a base beyond the TLE's Alpha-5 limit to show OMM carries any number; OBJECT_IDs say they are placeholders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOmmJson, type ExportableConstellation } from '../../../src/constellation/export/exportSatellites.js';
import { writeOmmXml } from '../../../src/constellation/export/ommXml.js';
import { satelliteElements } from '../../../src/constellation/geometry/pattern.js';
import { circularState } from '../../../src/constellation/geometry/propagate.js';
import { pythonOmm, type PythonSatellite } from '../../helpers/pythonSgp4.js';
import { shell, ssoShell } from '../../helpers/shellSpec.js';
import { tempDir } from '../../helpers/tmp.js';
import { deg } from '../../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';
const BASE = 500_000; // beyond Alpha-5's 339,999: no TLE could carry these numbers
const spec: ExportableConstellation = {
  name: 'odc & <co>', // XML-escaped in the file, read back as written
  window: { epochIso: EPOCH },
  shells: [
    { geometry: shell({ name: 'w', planes: 3, satsPerPlane: 5, raan0_rad: 17.5 * deg }) },
    { geometry: ssoShell({ name: 'sso', planes: 2, satsPerPlane: 4 }) },
  ],
};
const TIMES_min = [0, 97.3, 1440];

/** odc's SGP4 of every satellite in export order, at TIMES_min [km]. */
function odcPositions(): number[][][] {
  const out: number[][][] = [];
  const s = new Float64Array(6);
  for (const { geometry } of spec.shells)
    for (const e of satelliteElements(geometry, EPOCH)) {
      const state = circularState(e, EPOCH);
      out.push(
        TIMES_min.map((t) => {
          state(t, s);
          return [s[0]!, s[1]!, s[2]!];
        }),
      );
    }
  return out;
}

let json: PythonSatellite[], xml: PythonSatellite[], xmlText: string;
beforeAll(() => {
  const dir = tempDir('odc-omm-');
  let text = '';
  writeOmmJson(spec, (c) => void (text += c), { catalogBase: BASE });
  writeFileSync(join(dir, 'sats.json'), text);
  xmlText = '';
  writeOmmXml(spec, (c) => void (xmlText += c), { catalogBase: BASE, creationDate: '2026-11-01T00:00:00Z' });
  writeFileSync(join(dir, 'sats.xml'), xmlText);
  json = pythonOmm('json', join(dir, 'sats.json'), TIMES_min);
  xml = pythonOmm('xml', join(dir, 'sats.xml'), TIMES_min);
  expect(readFileSync(join(dir, 'sats.xml'), 'utf8')).toBe(xmlText);
});

describe('OMM read by python-sgp4', () => {
  it.each(['json', 'xml'] as const)('%s: every satellite, numbered base + index, within 1 m of odc SGP4', (kind) => {
    const sats = kind === 'json' ? json : xml;
    const expected = odcPositions();
    expect(sats.length).toBe(3 * 5 + 2 * 4);
    let worst_m = 0;
    sats.forEach((s, i) => {
      expect(s.satnum).toBe(BASE + i);
      expect(/^2026-9\d\d[A-Z]+$/.test(s.objectId)).toBe(true);
      s.r.forEach((r, k) => {
        expect(r).not.toBeNull();
        const e = expected[i]![k]!;
        worst_m = Math.max(worst_m, 1000 * Math.hypot(r![0] - e[0]!, r![1] - e[1]!, r![2] - e[2]!));
      });
    });
    expect(worst_m).toBeLessThan(1);
    expect(sats[5]!.name).toBe('odc & <co>-w-P1-S0'); // plane 1 starts after plane 0's 5 slots
  });

  it('XML states the frame, the theory and the numbering policy in the file', () => {
    expect(xmlText.match(/<omm /g)!.length).toBe(23);
    expect(xmlText).toContain('<OBJECT_NAME>odc &amp; &lt;co&gt;-w-P0-S0</OBJECT_NAME>');
    expect(xmlText).toContain('<REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM>');
    expect(xmlText).toContain('<MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>');
    expect(xmlText).toContain('<COMMENT>PLACEHOLDER identifiers: NORAD_CAT_ID = 500000 + export index');
    expect(xmlText).toContain('<CREATION_DATE>2026-11-01T00:00:00.000</CREATION_DATE><ORIGINATOR>odc</ORIGINATOR>');
  });

  it('refuses a base whose numbers would pass nine digits, or a negative one', () => {
    const sink = (): void => undefined;
    expect(() => writeOmmXml(spec, sink, { catalogBase: 999_999_990, creationDate: EPOCH })).toThrow(
      'give --catalog-base ≥ 0 and ≤ 999999977',
    );
    expect(() => writeOmmJson(spec, sink, { catalogBase: -1 })).toThrow(RangeError);
  });
});

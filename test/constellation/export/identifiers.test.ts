/**
 * Identifiers a registry would accept the shape of: OBJECT_ID a well-formed international designator YYYY-NNNP{PPP}
 * (COSPAR; CelesTrak's OBJECT_ID field), the same in OMM JSON, OMM XML, OEM and the TLE's columns 10–17 (YYNNNPPP);
 * the default catalogue base the first of the ranges space-track.org's SATCAT documentation reserves for temporary,
 * reused numbers (70,000–99,999; 270,000–339,999; 700,000,000–899,999,999) that holds the design; and the round trip
 * a user makes with python-sgp4 (Debian's python3-sgp4): OMM JSON → `omm.initialize` → `exporter.export_tle` →
 * `Satrec.twoline2rv`, whose TLE carries odc's number and designator and flies within 100 m of odc's own TLE (the two
 * round the angles to 1e-4° alike: ≤ 12 m at 7,000 km).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  defaultCatalogBase,
  writeOmmJson,
  writeTle,
  type ExportableConstellation,
} from '../../../src/constellation/export/exportSatellites.js';
import { writeOmmXml } from '../../../src/constellation/export/ommXml.js';
import { writeOem } from '../../../src/constellation/export/oem.js';
import { shell } from '../../helpers/shellSpec.js';
import { PYTHON } from '../../helpers/pythonSgp4.js';

const DESIGNATOR = /^\d{4}-\d{3}[A-HJ-NP-Z]{1,3}$/;
const spec: ExportableConstellation = {
  name: 'ids',
  window: { epochIso: '2026-03-20T00:00:00Z' },
  shells: [{ geometry: shell({ name: 'a', planes: 5, satsPerPlane: 6 }) }],
};
const text = (write: (sink: (c: string) => void) => void): string => {
  let t = '';
  write((c) => void (t += c));
  return t;
};

describe('designators and numbers', () => {
  it('the default base: the first reserved range that holds the design', () => {
    expect(defaultCatalogBase(1)).toBe(70_000);
    expect(defaultCatalogBase(30_000)).toBe(70_000); // 70,000 … 99,999
    expect(defaultCatalogBase(30_001)).toBe(270_000);
    expect(defaultCatalogBase(70_000)).toBe(270_000); // 270,000 … 339,999 (Alpha-5 T0000 … Z9999)
    expect(defaultCatalogBase(70_001)).toBe(700_000_000);
    expect(defaultCatalogBase(1_000_000)).toBe(700_000_000);
  });

  it('OMM JSON, OMM XML, OEM and TLE carry one well-formed designator per satellite, the same in each', () => {
    const omm = JSON.parse(text((s) => writeOmmJson(spec, s))) as { OBJECT_ID: string; NORAD_CAT_ID: number }[];
    expect(omm).toHaveLength(30);
    expect(omm[0]!.NORAD_CAT_ID).toBe(70_000);
    for (const o of omm) expect(o.OBJECT_ID).toMatch(DESIGNATOR);
    const ids = omm.map((o) => o.OBJECT_ID);
    expect(new Set(ids).size).toBe(30);
    const xml = text((s) => writeOmmXml(spec, s, { creationDate: '2026-03-20T00:00:00Z' }));
    expect([...xml.matchAll(/<OBJECT_ID>([^<]*)<\/OBJECT_ID>/g)].map((m) => m[1])).toEqual(ids);
    expect(xml).toContain('PLACEHOLDER identifiers');
    const oem = text((s) =>
      writeOem(spec, s, { creationDate: '2026-03-20T00:00:00Z', select: () => true, span_s: 60, step_s: 60 }),
    );
    expect([...oem.matchAll(/^OBJECT_ID = (.*)$/gm)].map((m) => m[1])).toEqual(ids);
    expect(oem).toMatch(/^COMMENT PLACEHOLDER identifiers/m);
    const tle = text((s) => writeTle(spec, s)).split('\n');
    const tleIds = Array.from({ length: 30 }, (_, k) => tle[3 * k + 1]!.slice(9, 17).trim());
    // YYYY-NNNP → YYNNNP
    expect(tleIds).toEqual(ids.map((id) => id.slice(2, 4) + id.slice(5)));
  });
});

describe('OMM → TLE through python-sgp4', () => {
  it("its exported TLE parses, with odc's number and designator, and flies with odc's TLE", () => {
    const omm = text((s) => writeOmmJson(spec, s));
    const tle = text((s) => writeTle(spec, s));
    const script = `
import json, sys
from sgp4.api import Satrec
from sgp4 import omm, exporter
recs = json.loads(sys.argv[1]); lines = sys.argv[2].split('\\n'); out = []
for k, rec in enumerate(recs):
    s = Satrec(); omm.initialize(s, {a: str(b) for a, b in rec.items()})
    l1, l2 = exporter.export_tle(s)
    back = Satrec.twoline2rv(l1, l2)
    mine = Satrec.twoline2rv(lines[3 * k + 1], lines[3 * k + 2])
    e1, p1, _ = back.sgp4_tsince(90.0); e2, p2, _ = mine.sgp4_tsince(90.0)
    d = sum((a - b) ** 2 for a, b in zip(p1, p2)) ** 0.5 * 1000
    out.append({'l1': l1, 'satnum': back.satnum, 'intldesg': back.intldesg, 'errors': [e1, e2], 'd_m': d})
print(json.dumps(out))`;
    const r = spawnSync(PYTHON, ['-c', script, omm, tle], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as {
      l1: string;
      satnum: number;
      intldesg: string;
      errors: number[];
      d_m: number;
    }[];
    const recs = JSON.parse(omm) as { OBJECT_ID: string; NORAD_CAT_ID: number }[];
    expect(rows).toHaveLength(30);
    for (const [k, row] of rows.entries()) {
      expect(row.l1).toHaveLength(69);
      expect(row.satnum).toBe(recs[k]!.NORAD_CAT_ID);
      expect(row.intldesg).toBe(recs[k]!.OBJECT_ID.slice(2, 4) + recs[k]!.OBJECT_ID.slice(5));
      expect(row.errors).toEqual([0, 0]);
      expect(row.d_m).toBeLessThan(100);
    }
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogDir, loadCatalogs } from '../../src/catalog/load.js';
import { evaluateDesignFile } from '../../src/node/evaluator.js';
import { odc } from '../helpers/cli.js';
import { studyErrorOf, tempDir, tempRoot, writeFile } from '../helpers/tmp.js';

const scratchDirs: string[] = [];
afterAll(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the real catalogs with launch-vehicles.yaml edited. */
function brokenVehicles(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tempRoot(), 'odc-catalog-'));
  scratchDirs.push(dir);
  cpSync(defaultCatalogDir(), dir, { recursive: true });
  const file = join(dir, 'launch-vehicles.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error('the edit did not match the catalog text');
  writeFileSync(file, edited);
  return dir;
}

const LM2D_SSO = '{ altitude_km: 700, inclination_deg: sso, payload_kg: 1300,';

describe('launch-vehicle performance fields: bad values name file, row and field', () => {
  it('a point altitude below 150 km is OUT_OF_RANGE', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 50, inclination_deg: sso, payload_kg: 1300,')),
      ),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/launch-vehicles\.yaml: row 'long-march-2d': field 'performance\.0\.altitude_km'/);
  });
  it('an inclination that is neither a number nor sso is WRONG_TYPE', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 700, inclination_deg: polar, payload_kg: 1300,')),
      ),
    );
    expect(e.code).toBe('WRONG_TYPE');
    expect(e.message).toContain("field 'performance.0.inclination_deg'");
  });
  it('a sun-synchronous point below 300 km says the SSO model range', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 200, inclination_deg: sso, payload_kg: 1300,')),
      ),
    );
    expect(e.message).toContain("row 'long-march-2d'");
    expect(e.message).toContain('at least 300 km for a sun-synchronous point');
  });
  it('two points at the same orbit are rejected with the fix', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) =>
          t.replace(
            '{ altitude_km: 200, inclination_deg: 41, payload_kg: 4000,',
            '{ altitude_km: 700, inclination_deg: sso, payload_kg: 4000,',
          ),
        ),
      ),
    );
    expect(e.message).toContain("field 'performance'");
    expect(e.message).toContain('keep one per orbit');
  });
  it('a point without its source is rejected naming the field', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) =>
          t.replace(/(\{ altitude_km: 500, inclination_deg: sso, payload_kg: 200), source: "[^"]*" \}/, '$1 }'),
        ),
      ),
    );
    expect(e.message).toContain("row 'electron'");
    expect(e.message).toContain('performance.0.source');
  });
  it('a payload of 0 kg and an upper-stage Isp of 3000 s are OUT_OF_RANGE', () => {
    const zero = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 700, inclination_deg: sso, payload_kg: 0,')),
      ),
    );
    expect(zero.code).toBe('OUT_OF_RANGE');
    expect(zero.message).toContain('performance.0.payload_kg');
    const isp = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) =>
          t.replace('upperStage: { dryMass_kg: 3000, isp_s: 300 }', 'upperStage: { dryMass_kg: 3000, isp_s: 3000 }'),
        ),
      ),
    );
    expect(isp.code).toBe('OUT_OF_RANGE');
    expect(isp.message).toContain("row 'long-march-2d': field 'upperStage.isp_s'");
  });
  it('a bound flag (upTo) that is not true or false is WRONG_TYPE, naming the point', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) =>
          t.replace(LM2D_SSO, '{ altitude_km: 700, inclination_deg: sso, payload_kg: 1300, upTo: 1,'),
        ),
      ),
    );
    expect(e.code).toBe('WRONG_TYPE');
    expect(e.message).toContain("row 'long-march-2d': field 'performance.0.upTo'");
  });
  it('a negative payload and an altitude above 2000 km are OUT_OF_RANGE, naming the point and the range', () => {
    const neg = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 700, inclination_deg: sso, payload_kg: -1300,')),
      ),
    );
    expect(neg.code).toBe('OUT_OF_RANGE');
    expect(neg.message).toMatch(
      /launch-vehicles\.yaml: row 'long-march-2d': field 'performance\.0\.payload_kg' .*>=\s*1/,
    );
    const high = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 2500, inclination_deg: sso, payload_kg: 1300,')),
      ),
    );
    expect(high.code).toBe('OUT_OF_RANGE');
    expect(high.message).toMatch(/field 'performance\.0\.altitude_km' .*<=\s*2000/);
  });
  it('a duplicate orbit among unsorted points is found wherever it sits', () => {
    // Electron's points are listed 500 km then 185 km; a third point repeats the first after them.
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) =>
          t.replace(
            /(- \{ altitude_km: 185, inclination_deg: 45, payload_kg: 300, source: "[^"]*" \}\n)/,
            '$1    - { altitude_km: 500, inclination_deg: sso, payload_kg: 210, source: "duplicate" }\n',
          ),
        ),
      ),
    );
    expect(e.message).toContain("row 'electron': field 'performance'");
    expect(e.message).toContain('keep one per orbit');
  });
  it('a misspelt point field is UNKNOWN_KEY', () => {
    const e = studyErrorOf(() =>
      loadCatalogs(
        brokenVehicles((t) => t.replace(LM2D_SSO, '{ altitude_km: 700, inclination_deg: sso, payload_t: 1.3,')),
      ),
    );
    expect(e.code).toBe('UNKNOWN_KEY');
    expect(e.message).toContain("unknown field 'payload_t'");
  });
});

describe("a design's own launch-vehicle row with performance points", () => {
  const dir = tempDir('odc-lvrow-');
  const ai1 = readFileSync(new URL('../../designs/ai1.yaml', import.meta.url), 'utf8').replace(
    'launch: { vehicle: starship,',
    'launch: { vehicle: my-lv,',
  );
  // ai1 flies at 600 km SSO with 2,100 kg allocated per node; the row publishes 9,000 kg at 600 km SSO.
  const row = (point: string): string => `
catalogs:
  launchVehicles:
    - { id: my-lv, name: A user's launcher, payloadLeo_kg: 20000, referenceAltitude_km: 200, price_USD: 50000000, fairingVolume_m3: 300,
        reusable: false, performance: [${point}], source: "estimate: vendor quote", year: 2026 }
`;
  it("is used at the node's orbit: 9,000 kg at 600 km SSO → $50M / 9 t = $5,556/kg", () => {
    const path = writeFile(
      dir,
      'own-lv.yaml',
      ai1 + row('{ altitude_km: 600, inclination_deg: sso, payload_kg: 9000, source: "vendor table 2026" }'),
    );
    const { record } = evaluateDesignFile(path);
    expect(record.cost.launchPrice_USD_per_kg).toBeCloseTo(50e6 / 9000, 6);
  });
  it('a bad point exits 2 naming the file, the row field and the range', async () => {
    const path = writeFile(
      dir,
      'bad-lv.yaml',
      ai1 + row('{ altitude_km: 60, inclination_deg: sso, payload_kg: 9000, source: "vendor table 2026" }'),
    );
    const e = studyErrorOf(() => evaluateDesignFile(path));
    expect(e.message).toContain('bad-lv.yaml');
    expect(e.message).toContain('performance.0.altitude_km');
    const r = await odc('evaluate', path);
    expect(r.code).toBe(2);
    expect(r.err).toContain('performance.0.altitude_km');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

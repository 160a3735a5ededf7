import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogDir, findRow, loadCatalogs } from '../../src/catalog/load.js';
import { CATALOG_KINDS, CATALOG_SPECS } from '../../src/catalog/schema.js';
import { studyErrorOf, tempRoot } from '../helpers/tmp.js';

const scratchDirs: string[] = [];
afterAll(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the real catalogs with one file's text transformed. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tempRoot(), 'odc-catalog-'));
  scratchDirs.push(dir);
  cpSync(defaultCatalogDir(), dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

const studyError = studyErrorOf;

describe('loadCatalogs', () => {
  const cat = loadCatalogs();

  it('loads the eight catalogs with the minimum rows of the project brief', () => {
    const ids = (k: keyof typeof cat) => cat[k].map((r) => r.id);
    expect(ids('chips')).toEqual(expect.arrayContaining(['h100', 'b200', 'gb300', 'tpu-v6e', 'three-body-edge']));
    expect(ids('launchVehicles')).toEqual(
      expect.arrayContaining(['falcon-9', 'falcon-heavy', 'starship', 'new-glenn', 'long-march-2d', 'long-march-5']),
    );
    expect(ids('solarArrays')).toEqual(expect.arrayContaining(['rigid-tj', 'rosa-flex', 'thin-film']));
    expect(ids('batteries')).toEqual(expect.arrayContaining(['li-ion-leo']));
    expect(ids('radiators')).toEqual(expect.arrayContaining(['iss-hrs', 'deployable-pumped']));
    expect(ids('coatings')).toEqual(expect.arrayContaining(['osr', 'white-paint', 'black-paint']));
    expect(ids('islTerminals')).toEqual(expect.arrayContaining(['isl-100g', 'tesat-scot80', 'dwdm-1t']));
    expect(ids('groundStations')).toEqual(
      expect.arrayContaining(['svalsat', 'trollsat', 'inuvik', 'fairbanks', 'awarua']),
    );
  });

  it('every row carries a source and a year', () => {
    for (const kind of CATALOG_KINDS) {
      for (const row of cat[kind]) {
        expect(row.source.length, `${kind}/${row.id}`).toBeGreaterThan(10);
        expect(row.year).toBeGreaterThanOrEqual(1990);
      }
    }
  });

  it('hardware rows are priced by class: every shipped row states it, and each COTS row is cheaper than every space-qualified one', () => {
    // Battery: space-qualified Li-ion $100–300/Wh (row $150) against screened commercial packs ($2/Wh); arrays:
    // qualified triple-junction $30–50/W against production silicon or thin film ($5–8/W); ISL: a Tesat SCOT80
    // (~$1M) against constellation-volume terminals ($150k–600k). A row mislabelled, or a price slipped by a unit,
    // breaks the order.
    const price = {
      batteries: (r: { cost_USD_per_Wh: number }) => r.cost_USD_per_Wh,
      solarArrays: (r: { cost_USD_per_W: number }) => r.cost_USD_per_W,
      radiators: (r: { cost_USD_per_m2: number }) => r.cost_USD_per_m2,
      islTerminals: (r: { cost_USD: number }) => r.cost_USD,
    } as const;
    for (const kind of Object.keys(price) as (keyof typeof price)[]) {
      const rows = cat[kind] as readonly ({ id: string; class?: string } & Record<string, unknown>)[];
      for (const r of rows) expect(['space-qualified', 'cots'], `${kind}/${r.id}`).toContain(r.class);
      const of = (c: string) =>
        rows.filter((r) => r.class === c).map((r) => (price[kind] as (x: unknown) => number)(r));
      const cots = of('cots');
      const qualified = of('space-qualified');
      expect(qualified.length, kind).toBeGreaterThan(0);
      if (cots.length > 0) expect(Math.max(...cots), kind).toBeLessThan(Math.min(...qualified));
    }
    // a COTS row exists for every class-priced catalog but the radiators (no production radiator price is published)
    expect(cat.batteries.find((r) => r.id === 'li-ion-cots')?.class).toBe('cots');
    expect(cat.solarArrays.filter((r) => r.class === 'cots').map((r) => r.id)).toEqual(['silicon-flex', 'thin-film']);
    expect(cat.islTerminals.filter((r) => r.class === 'space-qualified').map((r) => r.id)).toEqual(['tesat-scot80']);
  });

  it('is read once per directory (same frozen object)', () => {
    expect(loadCatalogs()).toBe(cat);
    expect(Object.isFrozen(cat.chips[0])).toBe(true);
  });

  it('reproduces published figures', () => {
    // docs/sources.md §11 case 14 (spacecost): Falcon 9 reusable $74M / 17.4 t = $4,253/kg.
    const f9 = findRow(cat, 'launchVehicles', 'falcon-9', 'launch.vehicle');
    expect(f9.price_USD / f9.payloadLeo_kg).toBeCloseTo(4252.87, 1);
    // docs/sources.md §9: H100 989 TFLOPS BF16 dense, 700 W; TPU v6e 918 TFLOPS BF16 (Google docs).
    const h100 = findRow(cat, 'chips', 'h100', 'chip');
    expect([h100.peakTFLOPS, h100.chipPower_W, h100.precision]).toEqual([989, 700, 'BF16']);
    expect(findRow(cat, 'chips', 'tpu-v6e', 'chip').peakTFLOPS).toBe(918);
    // AI1 (docs/sources.md §3): ~72 GPUs of the GB300 class ≈ 120–150 kW all-in.
    const gb300 = findRow(cat, 'chips', 'gb300', 'chip');
    expect(72 * gb300.systemPowerPerChip_W).toBeGreaterThanOrEqual(120e3);
    expect(72 * gb300.systemPowerPerChip_W).toBeLessThanOrEqual(150e3);
    // ISS HRS: 1,122.6 kg over ~79 m² → 14.2 kg/m² (docs/sources.md §4).
    expect(findRow(cat, 'radiators', 'iss-hrs', 'r').arealDensity_kg_m2).toBeCloseTo(14.2, 1);
  });

  it('every ISL terminal row carries link-budget figures (SCOT80: 80 mm telescope, DLR)', () => {
    for (const t of cat.islTerminals) {
      const budget = [
        t.transmitPower_W,
        t.apertureDiameter_m,
        t.wavelength_nm,
        t.receiverSensitivity_photonsPerBit,
        t.maxSlewRate_deg_s,
      ];
      expect(
        budget.every((v) => v > 0),
        t.id,
      ).toBe(true);
    }
    expect(findRow(cat, 'islTerminals', 'tesat-scot80', 't').apertureDiameter_m).toBe(0.08);
    expect(findRow(cat, 'islTerminals', 'suncatcher-dwdm', 't').apertureDiameter_m).toBe(0.1);
  });

  it('an ISL terminal row without a link-budget field is MISSING_FIELD', () => {
    const dir = brokenCopy(CATALOG_SPECS.islTerminals.file, (t) => t.replace('  apertureDiameter_m: 0.08\n', ''));
    const e = studyError(() => loadCatalogs(dir));
    expect(e.code).toBe('MISSING_FIELD');
    expect(e.message).toContain('apertureDiameter_m');
  });
});

describe('catalog errors', () => {
  it('a missing field names file, row id and field (MISSING_FIELD)', () => {
    const dir = brokenCopy('chips.yaml', (t) => t.replace('  peakTFLOPS: 2250\n', ''));
    const e = studyError(() => loadCatalogs(dir));
    expect(e.code).toBe('MISSING_FIELD');
    expect(e.message).toContain('chips.yaml');
    expect(e.message).toContain("'b200'");
    expect(e.message).toContain('peakTFLOPS');
  });

  it('a wrong type is WRONG_TYPE with file, row and field', () => {
    const dir = brokenCopy('launch-vehicles.yaml', (t) => t.replace('  price_USD: 74000000', '  price_USD: "74M"'));
    const e = studyError(() => loadCatalogs(dir));
    expect(e.code).toBe('WRONG_TYPE');
    expect(e.message).toMatch(/launch-vehicles\.yaml: row 'falcon-9': field 'price_USD'/);
  });

  it('an out-of-range number is OUT_OF_RANGE', () => {
    const dir = brokenCopy('coatings.yaml', (t) => t.replace('  emittance: 0.9\n', '  emittance: 9\n'));
    const e = studyError(() => loadCatalogs(dir));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain("'white-paint'");
  });

  it('a misspelt field is UNKNOWN_KEY with a suggestion', () => {
    const dir = brokenCopy('batteries.yaml', (t) => t.replace('  cycleLife: 30000\n', '  cycleLfe: 30000\n'));
    const e = studyError(() => loadCatalogs(dir));
    expect(e.code).toBe('UNKNOWN_KEY');
    expect(e.message).toContain("did you mean 'cycleLife'");
  });

  it('a duplicate id is rejected', () => {
    const dir = brokenCopy(CATALOG_SPECS.islTerminals.file, (t) => t.replace('- id: isl-100g', '- id: tesat-scot80'));
    expect(studyError(() => loadCatalogs(dir)).message).toContain("duplicate id 'tesat-scot80'");
  });

  it('findRow: unknown id → UNKNOWN_CATALOG_ID with did-you-mean and the valid ids', () => {
    const e = studyError(() => findRow(loadCatalogs(), 'chips', 'gb30', 'node.chip'));
    expect(e.code).toBe('UNKNOWN_CATALOG_ID');
    expect(e.field).toBe('node.chip');
    expect(e.message).toContain("did you mean 'gb300'");
    expect(e.message).toContain('h100, b200, gb300, tpu-v6e, three-body-edge');
  });
});

describe('ground-stations catalog', () => {
  const rows = loadCatalogs().groundStations;

  it('has 8–15 real stations with geodetic coordinates, a sourced position and estimated capacities', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.length).toBeLessThanOrEqual(15);
    for (const r of rows) {
      expect(Math.abs(r.lat_deg), r.id).toBeLessThanOrEqual(90);
      expect(Math.abs(r.lon_deg), r.id).toBeLessThanOrEqual(180);
      expect(r.capacity_Gbps, r.id).toBeGreaterThan(0);
      expect(r.source, r.id).toMatch(/https?:\/\//);
      expect(r.source, r.id).toMatch(/estimate:/);
    }
    // SvalSat 78°13′47.18″N 15°24′28.03″E; TrollSat 72°01′S; both hemispheres and an equatorial site.
    const sval = findRow(loadCatalogs(), 'groundStations', 'svalsat', 'ground.station');
    expect([sval.lat_deg, sval.lon_deg]).toEqual([expect.closeTo(78.23, 2), expect.closeTo(15.41, 2)]);
    expect(findRow(loadCatalogs(), 'groundStations', 'trollsat', 'g').lat_deg).toBeCloseTo(-72.02, 2);
    expect(rows.some((r) => Math.abs(r.lat_deg) < 5)).toBe(true);
  });

  it('a latitude outside ±90° is OUT_OF_RANGE naming file, row and field', () => {
    const dir = brokenCopy(CATALOG_SPECS.groundStations.file, (t) =>
      t.replace('  lat_deg: 64.978\n', '  lat_deg: 164.978\n'),
    );
    const e = studyError(() => loadCatalogs(dir));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toMatch(/ground-stations\.yaml: row 'fairbanks': field 'lat_deg'/);
    expect(e.field).toBe('lat_deg');
  });
});

describe('physical-range checks on catalog rows', () => {
  const chip = {
    id: 'x',
    name: 'x',
    source: 's',
    year: 2026,
    precision: 'BF16',
    peakTFLOPS: 1000,
    chipPower_W: 1000,
    systemPowerPerChip_W: 1400,
    massPerChip_kg: 5,
    costPerChip_USD: 30000,
    tidTolerance_rad: 20000,
    maxJunctionTemp_K: 360,
    idlePowerFraction: 0.3,
    figureKind: 'peak',
  };
  it.each([
    ['a dose tolerance in krad typed as rad (15)', { tidTolerance_rad: 15 }, 'tidTolerance_rad'],
    ['a junction limit in °C (85)', { maxJunctionTemp_K: 85 }, 'maxJunctionTemp_K'],
    ["system power below the chip's own", { systemPowerPerChip_W: 700 }, 'systemPowerPerChip_W'],
    ['a soft-fault onset above the tolerance', { softDoseThreshold_rad: 30000 }, 'softDoseThreshold_rad'],
    ['a chip power below 1 W (0.5)', { chipPower_W: 0.5 }, 'chipPower_W'],
    [
      'a typical fraction on a figure already typical',
      { figureKind: 'typical', typicalFraction: 0.5, typicalFractionSource: 's' },
      'typicalFraction',
    ],
    ['a typical fraction without its source', { typicalFraction: 0.5 }, 'typicalFractionSource'],
    [
      'a typical fraction above 1 (a percentage, 56)',
      { typicalFraction: 56, typicalFractionSource: 's' },
      'typicalFraction',
    ],
    ['no figureKind (peak, typical or sustained must be stated)', { figureKind: undefined }, 'figureKind'],
    ['a figureKind that is not peak, typical or sustained', { figureKind: 'max' }, 'figureKind'],
  ])('a chip row with %s is refused', (_what, patch, field) => {
    const r = CATALOG_SPECS.chips.schema().safeParse({ ...chip, ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
  it('a coating that gets less absorbing with age, and a 2,000 Wh/kg battery, are refused', () => {
    const coating = {
      id: 'c',
      name: 'c',
      source: 's',
      year: 2026,
      absorptanceBol: 0.2,
      absorptanceEol: 0.1,
      emittance: 0.9,
      emittanceEol: 0.9,
    };
    expect(CATALOG_SPECS.coatings.schema().safeParse(coating).success).toBe(false);
    expect(CATALOG_SPECS.coatings.schema().safeParse({ ...coating, absorptanceEol: 0.3 }).success).toBe(true);
    const battery = {
      id: 'b',
      name: 'b',
      source: 's',
      year: 2026,
      specificEnergy_Wh_per_kg: 2000,
      maxDepthOfDischarge: 0.3,
      dischargeEfficiency: 0.9,
      cost_USD_per_Wh: 1,
      cycleLife: 30000,
    };
    expect(CATALOG_SPECS.batteries.schema().safeParse(battery).success).toBe(false);
    expect(CATALOG_SPECS.batteries.schema().safeParse({ ...battery, specificEnergy_Wh_per_kg: 200 }).success).toBe(
      true,
    );
  });
  it('the valid chip row passes the same checks', () => {
    expect(CATALOG_SPECS.chips.schema().safeParse(chip).success).toBe(true);
  });
});

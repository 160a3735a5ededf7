import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogDir } from '../../src/catalog/load.js';
import { gb300Rack } from '../helpers/chipSets.js';
import { BASELINES_FILE, findBaseline, loadTerrestrialBaselines } from '../../src/catalog/baselines.js';
import { baselineLcoc } from '../../src/models/cost/lifecycleBaseline.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const shipped = readFileSync(join(defaultCatalogDir(), BASELINES_FILE), 'utf8');

/** A copy of the shipped file with its text transformed, in a fresh temp folder. */
function brokenCopy(edit: (text: string) => string): string {
  const edited = edit(shipped);
  expect(edited).not.toBe(shipped); // the edit must hit
  return writeFile(tempDir('odc-baselines-'), BASELINES_FILE, edited);
}

describe('loadTerrestrialBaselines', () => {
  const rows = loadTerrestrialBaselines();

  it('loads the named scenarios: a hyperscale build, a colocation lease and high-power-price regions', () => {
    expect(rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'hyperscale-virginia',
        'colocation-us-primary',
        'high-power-price-california',
        'high-power-price-ireland',
        'low-power-price-texas',
      ]),
    );
    expect(rows.some((r) => r.kind === 'owned')).toBe(true);
    expect(rows.some((r) => r.kind === 'leased')).toBe(true);
  });

  it('every row carries a source with a dated publication and a year', () => {
    for (const r of rows) {
      expect(r.source.length, r.id).toBeGreaterThan(50);
      expect(r.source, r.id).toMatch(/\b(19|20)\d\d\b/);
      expect(r.year, r.id).toBeGreaterThanOrEqual(2020);
    }
  });

  it('reproduces the published figures it cites', () => {
    const row = (id: string) => findBaseline(rows, id, 'baseline');
    expect(row('hyperscale-virginia').capexExChips_USD_per_W).toBe(11.7); // Cushman & Wakefield 2025: $11.7M/MW average
    expect(row('low-power-price-texas').capexExChips_USD_per_W).toBe(9.3); // same guide: San Antonio $9.3M/MW
    expect(row('colocation-us-primary').lease_USD_per_kW_month).toBe(184.06); // CBRE H2 2024
    expect(row('colocation-us-primary').pue).toBe(1.58); // Uptime Institute 2023
    expect(row('hyperscale-virginia').electricity_USD_per_kWh).toBe(0.0892); // EIA EPA 2023, Virginia industrial 8.92 ¢
    expect(row('high-power-price-california').electricity_USD_per_kWh).toBe(0.1864); // EIA EPA 2023, California industrial 18.64 ¢
    // Eurostat H1 2024 Ireland €0.256/kWh × 1.0824 $/€ (ECB 2024 average) = $0.2771/kWh.
    expect(row('high-power-price-ireland').electricity_USD_per_kWh).toBeCloseTo(0.256 * 1.0824, 3);
  });

  it('is read once per path (same frozen rows)', () => {
    expect(loadTerrestrialBaselines()).toBe(rows);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });

  it('a row is a TerrestrialScenario: the dearest power gives the dearest owned-build LCOC for the same chips', () => {
    const rack = gb300Rack;
    const lcoc = (id: string) =>
      baselineLcoc({ scenario: findBaseline(rows, id, 'baseline'), chipSet: rack, lifetime_yr: 5 })
        .lcoc_USD_per_PFLOP_day;
    expect(lcoc('high-power-price-ireland')).toBeGreaterThan(lcoc('high-power-price-california'));
    expect(lcoc('high-power-price-california')).toBeGreaterThan(lcoc('hyperscale-virginia'));
    expect(lcoc('hyperscale-virginia')).toBeGreaterThan(lcoc('low-power-price-texas'));
  });
});

describe('loadTerrestrialBaselines refuses bad rows with the file, row and field', () => {
  it('a negative electricity price', () => {
    const path = brokenCopy((t) => t.replace('electricity_USD_per_kWh: 0.0892', 'electricity_USD_per_kWh: -0.0892'));
    const e = studyErrorOf(() => loadTerrestrialBaselines(path));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.field).toBe('electricity_USD_per_kWh');
    expect(e.message).toContain(BASELINES_FILE);
    expect(e.message).toContain("row 'hyperscale-virginia'");
    expect(e.message).toContain("'electricity_USD_per_kWh'");
    expect(e.message).toContain('-0.0892');
  });

  it('a price in cents (unit slip) is out of range', () => {
    const path = brokenCopy((t) => t.replace('electricity_USD_per_kWh: 0.1864', 'electricity_USD_per_kWh: 18.64'));
    expect(studyErrorOf(() => loadTerrestrialBaselines(path)).message).toMatch(
      /high-power-price-california.*electricity_USD_per_kWh/,
    );
  });

  it('a missing field, a misspelt field (with a suggestion) and a duplicate id', () => {
    const missing = studyErrorOf(() => loadTerrestrialBaselines(brokenCopy((t) => t.replace('  pue: 1.58\n', ''))));
    expect(missing.code).toBe('MISSING_FIELD');
    expect(missing.message).toContain("row 'colocation-us-primary': missing required field 'pue'");
    const typo = studyErrorOf(() =>
      loadTerrestrialBaselines(brokenCopy((t) => t.replace('  chipLifetime_yr: 5\n', '  chipLifetme_yr: 5\n'))),
    );
    expect(typo.code).toBe('UNKNOWN_KEY');
    expect(typo.message).toContain("did you mean 'chipLifetime_yr'");
    const dup = studyErrorOf(() =>
      loadTerrestrialBaselines(brokenCopy((t) => t.replace('id: low-power-price-texas', 'id: hyperscale-virginia'))),
    );
    expect(dup.message).toContain("duplicate id 'hyperscale-virginia'");
  });

  it('a lease scenario without a rent', () => {
    const e = studyErrorOf(() =>
      loadTerrestrialBaselines(
        brokenCopy((t) => t.replace('lease_USD_per_kW_month: 184.06', 'lease_USD_per_kW_month: 0')),
      ),
    );
    expect(e.field).toBe('lease_USD_per_kW_month');
    expect(e.message).toContain("row 'colocation-us-primary'");
  });

  it('an unknown scenario id names the valid ids', () => {
    const e = studyErrorOf(() => findBaseline(loadTerrestrialBaselines(), 'hyperscale-virgina', 'economics.baseline'));
    expect(e.code).toBe('UNKNOWN_CATALOG_ID');
    expect(e.message).toContain("did you mean 'hyperscale-virginia'");
    expect(e.message).toContain('economics.baseline');
  });
});

/**
 * Generates src/models/drag/decaySolarCycleTable.b64: the 'worst' solar-cycle decay table
 * (decaySolarCycleTable.ts),
 * every row found by bisection on the full integration of decaySolarCycle.ts (the table switched off).
 * Run with `npm run gen:decay-table` (builds first; ≈ 1 min on one core). Deterministic: same sources, same file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decayIntegral_s_m2_per_kg } from '../../src/models/drag/atmosphere.js';
import { DEFAULT_END_ALTITUDE_m, solarCycleDecay } from '../../src/models/drag/decaySolarCycle.js';
import {
  DECAY_TABLE_FILENAME,
  DECAY_TABLE_MIN_ALTITUDE_m,
  DECAY_TABLE_ROW_STEP_m,
  DECAY_TABLE_ROWS,
  encodeDecayTable,
  worstDecayTableRow,
  type WorstDecayOracle,
} from '../../src/models/drag/decaySolarCycleTable.js';
import { JULIAN_YEAR_s } from '../../src/base/constants.js';

/** T_worst [yr] by the integration at altitude h and u = ln(T_high / 1 yr). */
export const integratedWorst: WorstDecayOracle = (altitude_m, u) => {
  const highIntegral =
    decayIntegral_s_m2_per_kg(altitude_m, 'high') - decayIntegral_s_m2_per_kg(DEFAULT_END_ALTITUDE_m, 'high');
  const B = (Math.exp(u) * JULIAN_YEAR_s) / highIntegral;
  return solarCycleDecay({ altitude_m, ballisticCoefficient_kg_m2: B, mode: 'worst', table: false }).decay_yr;
};

function main(): void {
  const rows: Float64Array[] = [];
  for (let i = 0; i < DECAY_TABLE_ROWS; i++)
    rows.push(worstDecayTableRow(DECAY_TABLE_MIN_ALTITUDE_m + i * DECAY_TABLE_ROW_STEP_m, integratedWorst));
  const data = encodeDecayTable(rows);
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += 120) lines.push(data.slice(i, i + 120));
  const out = fileURLToPath(new URL(`../../../src/models/drag/${DECAY_TABLE_FILENAME}`, import.meta.url));
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${out}: ${rows.length} rows`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();

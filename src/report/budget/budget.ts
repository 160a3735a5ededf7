/**
 * Human-readable budget tables for one evaluated design (what `odc evaluate` prints). Units are shown
 * in every row; numbers are rounded for reading, the JSON record keeps full precision.
 */
import { maxOf, pushAll } from '../../base/arrays.js';
import type { ConstraintResult, DesignRecord } from '../../node/record/record.js';
import { designRecordSchema } from '../../node/record/recordSchema.js';
import { fmt, percentText } from '../../base/numberFormat.js';
import { SIZED_ITEMS_KG } from '../../models/mass/mass.js';
import { costRatioText } from '../../base/verdictText.js';
import { nodeBridge } from '../../run/decision/recommend.js';
import {
  fieldRows,
  hardwareLines,
  parityBandText,
  row,
  type BudgetRow,
  type BudgetSection,
} from '../../run/answer/budgetRows.js';

export { fieldRows, hardwareLines, parityBandText, row, type BudgetRow, type BudgetSection };

const nodeFields = fieldRows(designRecordSchema);

export function budgetSections(r: DesignRecord): BudgetSection[] {
  return [
    orbitSection(r),
    computeSection(r),
    powerSection(r),
    thermalSection(r),
    radiationSection(r),
    dragSection(r),
    islSection(r),
    massSection(r),
    costSection(r),
    tokenSection(r.inference),
    {
      title: `Parity year (${r.economics.paritySearch})`,
      rows: r.economics.parity.map((b) =>
        row(`vs ${b.id}`, parityBandText(b, r.economics.paritySearch), 'yr', `${b.statement}; ${b.band}`),
      ),
    },
  ];
}

/** Orbit geometry: altitude, period, beta angles and eclipses. */
function orbitSection(r: DesignRecord): BudgetSection {
  const o = r.orbit;
  const f = nodeFields(r, 'orbit');
  return {
    title: 'Orbit',
    rows: [
      f('altitude_km'),
      f('inclination_deg', o.sunSynchronous ? `sun-synchronous, LTAN ${fmt(o.ltan_h ?? NaN)} h` : undefined),
      f('period_min'),
      f('speed_km_s'),
      row('beta angle range', `${fmt(o.betaMin_deg)} … ${fmt(o.betaMax_deg)}`, 'deg'),
      f('eclipseFraction'),
      f('worstEclipseFraction'),
      f('maxEclipse_min'),
    ],
  };
}

/** Compute: chips, IT power and the waterfall from peak to delivered compute. */
function computeSection(r: DesignRecord): BudgetSection {
  const c = r.compute;
  const f = nodeFields(r, 'compute');
  const steps = c.waterfall.slice(1);
  const unity = steps.filter((w) => w.factor === 1);
  const label = (name: string): string => WATERFALL_LABELS[name] ?? name;
  return {
    title: 'Compute',
    rows: [
      row('chips', `${c.chips} × ${c.chip}`, '-'),
      f('itPowerAvg_W', undefined, 'kW'),
      f('itPowerPeak_W', undefined, 'kW'),
      f('peakPFLOPS', c.precision.includes('sparse') ? c.precision : `dense ${c.precision}`),
      // a step that changes nothing (a factor of exactly 1) is named once under the total, not printed as a line
      ...steps
        .filter((w) => w.factor !== 1)
        .map((w) => ({
          ...row(`  × ${label(w.name)} ${fmt(w.factor)}`, w.valueAfter_PFLOPS, 'PFLOPS'),
          key: `compute.waterfall.${w.name}`,
        })),
      f('deliveredPFLOPS', `${(100 * c.deliveredFraction).toFixed(1)} % of peak`),
      ...(unity.length ? [row('  (× 1, not shown)', '', '', unity.map((w) => label(w.name)).join(', '))] : []),
    ],
  };
}

/** Power: array areas and output, demand, battery and heater. */
function powerSection(r: DesignRecord): BudgetSection {
  const f = nodeFields(r, 'power');
  return {
    title: 'Power',
    rows: [
      f('arrayArea_m2'),
      f('requiredArrayArea_m2'),
      f('bolPower_W', undefined, 'kW'),
      f('eolPower_W', undefined, 'kW'),
      f('demandAvg_W', 'compute + bus + ISL + pumps', 'kW'),
      f('demandPeak_W', undefined, 'kW'),
      eclipsePolicyRow(r),
      f(
        'gatedChips',
        `of ${r.compute.chips}, ${fmt(r.power.gatingCycles_per_yr)} on/off cycles a year each; ` +
          `idle floor ${fmt(r.power.eclipseIdleFloorFraction)}`,
      ),
      f('powerEclipse_min'),
      f('batteryEnergy_Wh', `DOD ${fmt(r.power.depthOfDischarge)}`, 'kWh'),
      f('heaterPower_W', 'holds the loop at its minimum temperature', 'kW'),
    ],
  };
}

/**
 * The eclipse power policy the design chose (power.eclipseComputeFraction) with what it costs: the battery it sizes
 * (energy, mass, price) and the share of orbit-average compute it gives up, (1 − f) × the annual mean shadow fraction.
 */
export function eclipsePolicyRow(r: DesignRecord): BudgetRow {
  const f = r.power.eclipseComputeFraction;
  const lost = (1 - f) * r.orbit.eclipseFraction;
  const policy = f === 1 ? 'full compute through eclipses' : f === 0 ? 'compute idled in eclipses' : 'throttled';
  return nodeFields(r, 'power')(
    'eclipseComputeFraction',
    `${policy}: battery ${fmt(r.power.batteryEnergy_Wh / 1e3)} kWh, ${fmt(r.power.batteryMass_kg)} kg, ` +
      `${fmt(r.cost.batteryHardware_USD / 1e6)} M USD; compute given up ${fmt(100 * lost)} % of the orbit average`,
  );
}

/** Thermal: heat load, temperatures along the loop and radiator areas. */
function thermalSection(r: DesignRecord): BudgetSection {
  const t = r.thermal;
  const f = nodeFields(r, 'thermal');
  return {
    title: 'Thermal',
    rows: [
      f('heatLoad_W', 'everything rejected, hot case', 'kW'),
      f('batteryLoss_W', undefined, 'kW'),
      f('junctionTemp_K', `limit ${fmt(t.junctionLimit_K)} K`),
      f('coolantSupplyTemp_K', `set by the ${t.coolantSupplySetBy}`),
      f('coolantHotTemp_K', t.coolant),
      f('radiatorInletTemp_K'),
      f('radiatorOutletTemp_K'),
      f('radiatorTemp_K', 'area-weighted over the panel'),
      f('finEfficiency'),
      f('netFlux_W_m2', 'per m² planform, both faces'),
      f('radiatorArea_m2'),
      f('requiredRadiatorArea_m2'),
      f('pumpPower_W', undefined, 'kW'),
    ],
  };
}

/** Radiation: shielding, dose and chip tolerance. */
function radiationSection(r: DesignRecord): BudgetSection {
  const f = nodeFields(r, 'radiation');
  return {
    title: 'Radiation',
    rows: [
      f('shielding_mm_al'),
      f(
        'trappedDoseRate_rad_per_yr',
        `AP-8 MIN / AE-8 MAX, SHIELDOSE-2, × field-epoch factor ${fmt(r.radiation.trappedDoseFactor)}`,
      ),
      f('solarProtonDoseRate_rad_per_yr', 'ESP-PSYCHIC 95 %, Størmer cutoff, CSDA in Al'),
      f('doseRate_rad_per_yr', 'trapped + solar protons'),
      f('missionDose_rad', `design margin ×${fmt(r.radiation.designMargin)}`),
      f(
        'tolerance_rad',
        r.radiation.toleranceSource?.startsWith('assumption') === true ? 'assumed, no test' : undefined,
      ),
    ],
  };
}

/** Drag and disposal: density, station keeping and passive decay. */
function dragSection(r: DesignRecord): BudgetSection {
  const f = nodeFields(r, 'drag');
  return {
    title: 'Drag and disposal',
    rows: [
      f('density_kg_m3', 'CIRA-2012'),
      f('dragArea_m2'),
      f('ballisticCoefficient_kg_m2'),
      f('stationKeepingDeltaV_m_s_per_yr'),
      f('propellantMass_kg'),
      f('passiveDecay_yr', r.drag.fccCompliant ? 'meets FCC 5-year rule' : 'exceeds FCC 5-year rule'),
    ],
  };
}

/** Inter-satellite links: topology, terminals, capacity, power and mass. */
function islSection(r: DesignRecord): BudgetSection {
  const f = nodeFields(r, 'isl');
  return {
    title: 'Inter-satellite links',
    rows: [row('topology', r.isl.topology, '-'), f('terminals'), f('capacity_Gbps'), f('power_W'), f('mass_kg')],
  };
}

/** Mass: the built-up launch mass by subsystem. */
function massSection(r: DesignRecord): BudgetSection {
  const f = nodeFields(r, 'mass');
  const parts = [...SIZED_ITEMS_KG, 'bus_kg'] as const;
  const totals = ['margin_kg', 'dry_kg', 'propellant_kg', 'propellantTank_kg', 'launch_kg', 'allocated_kg'] as const;
  return {
    title: 'Mass',
    rows: [...[...parts, ...totals].map((k) => f(k)), f('kW_per_t', 'average IT power per launch tonne')],
  };
}

/**
 * Costs: the bridge of the cost of delivered compute (first unit → programme → discounted → verdict), the node's lines,
 * the comparisons with terrestrial data centers.
 */
function costSection(r: DesignRecord): BudgetSection {
  const k = r.cost;
  const f = nodeFields(r, 'cost');
  return {
    title: 'Cost',
    rows: [
      row(
        'cost of delivered compute',
        k.lcocDiscounted_USD_per_PFLOP_day,
        'USD/PFLOP-day',
        nodeBridge(r).replace(/^cost of delivered compute: /, ''),
      ),
      f('hardware_USD', 'first unit', 'M USD'),
      ...hardwareRows(r),
      f('launch_USD', `${fmt(k.launchPrice_USD_per_kg)} USD/kg, ${k.nodesPerLaunch} per launch`, 'M USD'),
      f('operations_USD', undefined, 'M USD'),
      f('total_USD', undefined, 'M USD'),
      f('lcoc_USD_per_PFLOP_day', `terrestrial, same chips, undiscounted ${fmt(k.terrestrialLcoc_USD_per_PFLOP_day)}`),
      f('costPerKWyr_USD', `terrestrial ${fmt(k.terrestrialCostPerKWyr_USD)}`),
      f('programLcoc_USD_per_PFLOP_day', `${fmt(k.nodesBuilt)} nodes built, learning ${fmt(k.learningRate)}`),
      f('lcocDiscounted_USD_per_PFLOP_day', `PV(cost)/PV(compute) at ${fmt(100 * k.discountRate_per_yr)} %/yr`),
      row(
        'programme: average node cost',
        k.averageNodeCost_USD / 1e6,
        'M USD',
        `operations ${fmt(k.programmeOperations_USD_per_yr / 1e6)} M USD per node-year`,
      ),
      f('nonChipHardware_USD_per_kg', k.nonChipHardwareNote.replace(/^[^,]*, /, '')),
      ...unitCostRows(r),
    ],
  };
}

/** The first-unit hardware line by line (they sum to the hardware row). */
function hardwareRows(r: DesignRecord): BudgetRow[] {
  const k = r.cost;
  return hardwareLines(k).map(([label, usd]) =>
    row(`  ${label}`, usd / 1e6, 'M USD', `${fmt((100 * usd) / k.hardware_USD)} % of hardware`),
  );
}

/** Unit costs (per W, per chip-hour, per MWh) and the discounted LCOC against each terrestrial baseline. */
function unitCostRows(r: DesignRecord): BudgetRow[] {
  const k = r.cost;
  return [
    row(
      'capex per W, ex-chips / with chips',
      `${fmt(k.capexExChips_USD_per_W)} / ${fmt(k.capexWithChips_USD_per_W)}`,
      'USD/W',
      'per W of average IT power, launch included',
    ),
    row(
      'cost per chip-hour, undiscounted / discounted',
      `${fmt(r.economics.costPerChipHour_USD)} / ${fmt(r.economics.costPerChipHourDiscounted_USD)}`,
      'USD/chip-h',
      `terrestrial ${fmt(r.economics.terrestrialCostPerChipHour_USD)} / ${fmt(r.economics.terrestrialCostPerChipHourDiscounted_USD)}; ${r.economics.costTechnology} cost technology`,
    ),
    row(
      'cost per MWh of IT energy, undiscounted / discounted',
      `${fmt(r.economics.costPerMWh_USD)} / ${fmt(r.economics.costPerMWhDiscounted_USD)}`,
      'USD/MWh',
      `terrestrial ${fmt(r.economics.terrestrialCostPerMWh_USD)} / ${fmt(r.economics.terrestrialCostPerMWhDiscounted_USD)}`,
    ),
    ...k.baselines.map((b) =>
      row(
        `  vs ${b.id}`,
        b.lcocDiscounted_USD_per_PFLOP_day,
        'USD/PFLOP-day',
        costRatioText(b.spaceToTerrestrial, 'space '),
      ),
    ),
  ];
}

/** LLM serving: the roofline figures (or why they are unavailable) beside the FLOPs-based ones. */
function tokenSection(t: DesignRecord['inference']): BudgetSection {
  const f = nodeFields({ inference: t }, 'inference');
  return {
    title: 'Tokens (LLM serving, output tokens)',
    rows: [
      row('model', t.decodeBound === null ? 'unavailable' : 'roofline', '-', t.basis),
      f('perChip_tokens_per_s', t.replicaChips === null ? undefined : `${t.replicaChips} chip(s) per replica`),
      f('decodePerSequence_tokens_per_s'),
      f('node_tokens_per_s'),
      f('itPower_tokens_per_s_per_MW'),
      f('cost_USD_per_Mtoken', 'roofline; PV(cost)/PV(tokens)'),
      row(
        'FLOPs-based: node, cost',
        `${fmt(t.flopsBound_tokens_per_s)} / ${fmt(t.flopsBoundCost_USD_per_Mtoken)}`,
        'tokens/s / USD/Mtoken',
        'delivered FLOPS / 2N per token: assumes every delivered FLOP serves tokens',
      ),
    ],
  };
}

/** Budget labels of the delivered-compute waterfall steps. */
const WATERFALL_LABELS: Record<string, string> = {
  utilization: 'utilization',
  sustained: 'sustained fraction (MFU)',
  eclipse: 'eclipse throttling',
  power: 'array throttling',
  thermal: 'radiator throttling',
  availability: 'availability',
  downlink: 'downlink limit',
};

export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string {
  const widths = rows[0]!.map((_, j) => maxOf(rows.map((r) => [...(r[j] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((cell, j) => (align[j] === 'r' ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The budget `odc evaluate` prints; the file's `note:` (why a reference design fails a check) under the title; `lead`:
 * sections printed first (the cost breakdown of costBreakdown.ts).
 */
export function formatBudget(r: DesignRecord, note?: string, lead: readonly BudgetSection[] = []): string {
  const out: string[] = [
    `${r.name} — node budget`,
    ...noteHead(note),
    '',
    ...sectionLines([...lead, ...budgetSections(r)]),
  ];
  pushAll(out, [...constraintLines(r.constraints), ...warningLines(r.warnings), ...noteLines(r.notes)]);
  return `${out.join('\n')}\n`;
}

/** The file's note, as one `Note:` paragraph. */
export const noteHead = (note: string | undefined): string[] =>
  note === undefined || note.trim() === '' ? [] : ['', `Note: ${note.trim().replace(/\s+/g, ' ')}`];

/** The constraint table with margins and the violated summary line. */
export function constraintLines(constraints: readonly ConstraintResult[]): string[] {
  const violated = constraints.filter((c) => !c.satisfied);
  return [
    'Constraints',
    table(
      [
        ['  constraint', 'value', 'limit', 'unit', 'margin', 'status'],
        ...constraints.map((c) => [
          '  ' + c.name,
          fmt(c.value),
          `${c.sense} ${fmt(c.limit)}`,
          c.unit,
          percentText(c.margin),
          c.satisfied ? 'ok' : 'VIOLATED',
        ]),
      ],
      ['l', 'r', 'r', 'l', 'r', 'l'],
    ),
    '',
    violated.length
      ? `${violated.length} constraint(s) violated: ${violated.map((c) => c.name).join(', ')}`
      : 'All constraints satisfied.',
  ];
}

/** Plausibility warnings (not failures), before the notes. */
export function warningLines(warnings: readonly { readonly code: string; readonly message: string }[]): string[] {
  return warnings.length
    ? ['', 'Warnings (plausibility, not failures)', ...warnings.map((w) => `  ! ${w.code}: ${w.message}`)]
    : [];
}

export function noteLines(notes: readonly string[]): string[] {
  return notes.length ? ['', 'Notes', ...notes.map((n) => `  - ${n}`)] : [];
}

/** Sections as aligned text tables (label, value, unit, note). */
export function sectionLines(sections: readonly BudgetSection[]): string[] {
  const out: string[] = [];
  for (const s of sections) {
    out.push(s.title);
    out.push(
      table(
        s.rows.map((x) => ['  ' + x.label, x.value, x.unit, x.note ?? '']),
        ['l', 'r', 'l', 'l'],
      ),
    );
    out.push('');
  }
  return out;
}

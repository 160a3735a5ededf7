/**
 * Human-readable budget tables for one evaluated design (what `odc evaluate` prints). Units are shown
 * in every row; numbers are rounded for reading, the JSON record keeps full precision.
 */
import type { ConstraintResult, DesignRecord } from '../../node/record/record.js';
import { fmt } from '../../base/numberFormat.js';
import { costRatioText } from '../../base/verdictText.js';

export interface BudgetRow {
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly note?: string;
}
export interface BudgetSection {
  readonly title: string;
  readonly rows: readonly BudgetRow[];
}

export const row = (label: string, value: number | string, unit: string, note?: string): BudgetRow => ({
  label,
  value: typeof value === 'number' ? fmt(value) : value,
  unit,
  ...(note !== undefined ? { note } : {}),
});

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

/** "2038.2 (2035.1–after 2045)": the central parity year and its band, one beyond the search as "after <last>". */
export function parityBandText(
  b: { parityYear: number | null; parityYearLow: number | null; parityYearHigh: number | null },
  search: string,
): string {
  const last = /–(\d{4})/.exec(search)?.[1] ?? 'the search range';
  const y = (year: number | null) => (year === null ? `after ${last}` : year.toFixed(1));
  return `${y(b.parityYear)} (${y(b.parityYearLow)}–${y(b.parityYearHigh)})`;
}

/** Orbit geometry: altitude, period, beta angles and eclipses. */
function orbitSection(r: DesignRecord): BudgetSection {
  const o = r.orbit;
  return {
    title: 'Orbit',
    rows: [
      row('altitude', o.altitude_km, 'km'),
      row(
        'inclination',
        o.inclination_deg,
        'deg',
        o.sunSynchronous ? `sun-synchronous, LTAN ${fmt(o.ltan_h ?? NaN)} h` : undefined,
      ),
      row('period', o.period_min, 'min'),
      row('speed', o.speed_km_s, 'km/s'),
      row('beta angle range', `${fmt(o.betaMin_deg)} … ${fmt(o.betaMax_deg)}`, 'deg'),
      row('eclipse fraction, annual mean', o.eclipseFraction, '-'),
      row('eclipse fraction, worst orbit', o.worstEclipseFraction, '-'),
      row('longest eclipse', o.maxEclipse_min, 'min'),
    ],
  };
}

/** Compute: chips, IT power and the waterfall from peak to delivered compute. */
function computeSection(r: DesignRecord): BudgetSection {
  const c = r.compute;
  return {
    title: 'Compute',
    rows: [
      row('chips', `${c.chips} × ${c.chip}`, '-'),
      row('IT power, average', c.itPowerAvg_W / 1e3, 'kW'),
      row('IT power, peak', c.itPowerPeak_W / 1e3, 'kW'),
      row(
        'peak compute',
        c.peakPFLOPS,
        'PFLOPS',
        c.precision.includes('sparse') ? c.precision : `dense ${c.precision}`,
      ),
      ...c.waterfall
        .slice(1)
        .map((w) => row(`  × ${WATERFALL_LABELS[w.name] ?? w.name} ${fmt(w.factor)}`, w.valueAfter_PFLOPS, 'PFLOPS')),
      row('delivered compute', c.deliveredPFLOPS, 'PFLOPS', `${(100 * c.deliveredFraction).toFixed(1)} % of peak`),
    ],
  };
}

/** Power: array areas and output, demand, battery and heater. */
function powerSection(r: DesignRecord): BudgetSection {
  const p = r.power;
  return {
    title: 'Power',
    rows: [
      row('array area (given)', p.arrayArea_m2, 'm²'),
      row('array area (required)', p.requiredArrayArea_m2, 'm²'),
      row('array power, BOL', p.bolPower_W / 1e3, 'kW'),
      row('array power, EOL', p.eolPower_W / 1e3, 'kW'),
      row('demand, orbit average', p.demandAvg_W / 1e3, 'kW', 'compute + bus + ISL + pumps'),
      row('demand, peak', p.demandPeak_W / 1e3, 'kW'),
      eclipsePolicyRow(r),
      row('battery energy', p.batteryEnergy_Wh / 1e3, 'kWh', `DOD ${fmt(p.depthOfDischarge)}`),
      row('heater (cold case, eclipse)', p.heaterPower_W / 1e3, 'kW', 'holds the loop at its minimum temperature'),
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
  return row(
    'compute kept in eclipse',
    f,
    '-',
    `${policy}: battery ${fmt(r.power.batteryEnergy_Wh / 1e3)} kWh, ${fmt(r.power.batteryMass_kg)} kg, ` +
      `${fmt(r.cost.batteryHardware_USD / 1e6)} M USD; compute given up ${fmt(100 * lost)} % of the orbit average`,
  );
}

/** Thermal: heat load, temperatures along the loop and radiator areas. */
function thermalSection(r: DesignRecord): BudgetSection {
  const t = r.thermal;
  return {
    title: 'Thermal',
    rows: [
      row('heat load', t.heatLoad_W / 1e3, 'kW', 'everything rejected, hot case'),
      row('battery charge loss (in heat load)', t.batteryLoss_W / 1e3, 'kW'),
      row('chip junction', t.junctionTemp_K, 'K', `limit ${fmt(t.junctionLimit_K)} K`),
      row('coolant hot leg', t.coolantHotTemp_K, 'K', t.coolant),
      row('radiator temperature', t.radiatorTemp_K, 'K'),
      row('net rejection (hot case)', t.netFlux_W_m2, 'W/m²', 'per m² planform, both faces'),
      row('radiator area (given)', t.radiatorArea_m2, 'm²'),
      row('radiator area (required)', t.requiredRadiatorArea_m2, 'm²'),
      row('pump power', t.pumpPower_W / 1e3, 'kW'),
    ],
  };
}

/** Radiation: shielding, dose and chip tolerance. */
function radiationSection(r: DesignRecord): BudgetSection {
  const rad = r.radiation;
  return {
    title: 'Radiation',
    rows: [
      row('shielding', rad.shielding_mm_al, 'mm Al'),
      row('dose rate', rad.doseRate_rad_per_yr, 'rad(Si)/yr', 'AP-8 MIN / AE-8 MAX, SHIELDOSE-2'),
      row('mission dose (with margin)', rad.missionDose_rad, 'rad(Si)', `design margin ×${fmt(rad.designMargin)}`),
      row('chip tolerance', rad.tolerance_rad, 'rad(Si)'),
    ],
  };
}

/** Drag and disposal: density, station keeping and passive decay. */
function dragSection(r: DesignRecord): BudgetSection {
  const d = r.drag;
  return {
    title: 'Drag and disposal',
    rows: [
      row('density', d.density_kg_m3, 'kg/m³', 'CIRA-2012'),
      row('drag area', d.dragArea_m2, 'm²'),
      row('ballistic coefficient', d.ballisticCoefficient_kg_m2, 'kg/m²'),
      row('station keeping', d.stationKeepingDeltaV_m_s_per_yr, 'm/s per yr'),
      row('propellant (mission)', d.propellantMass_kg, 'kg'),
      row(
        'passive decay after end of life',
        d.passiveDecay_yr,
        'yr',
        d.fccCompliant ? 'meets FCC 5-year rule' : 'exceeds FCC 5-year rule',
      ),
    ],
  };
}

/** Inter-satellite links: topology, terminals, capacity, power and mass. */
function islSection(r: DesignRecord): BudgetSection {
  const i = r.isl;
  return {
    title: 'Inter-satellite links',
    rows: [
      row('topology', i.topology, '-'),
      row('terminals', i.terminals, '-'),
      row('capacity', i.capacity_Gbps, 'Gbps'),
      row('power', i.power_W, 'W'),
      row('mass', i.mass_kg, 'kg'),
    ],
  };
}

/** Mass: the built-up launch mass by subsystem. */
function massSection(r: DesignRecord): BudgetSection {
  const m = r.mass;
  return {
    title: 'Mass',
    rows: [
      row('compute', m.compute_kg, 'kg'),
      row('solar array', m.array_kg, 'kg'),
      row('battery', m.battery_kg, 'kg'),
      row('radiator', m.radiator_kg, 'kg'),
      row('shielding', m.shielding_kg, 'kg'),
      row('ISL terminals', m.isl_kg, 'kg'),
      row('bus', m.bus_kg, 'kg'),
      row('system margin', m.margin_kg, 'kg'),
      row('dry (with margin)', m.dry_kg, 'kg'),
      row('propellant', m.propellant_kg, 'kg'),
      row('propellant tankage', m.propellantTank_kg, 'kg'),
      row('launch (built up)', m.launch_kg, 'kg'),
      row('allocated on launcher', m.allocated_kg, 'kg'),
      row('specific power', m.kW_per_t, 'kW/t', 'average IT power per launch tonne'),
    ],
  };
}

/** Costs: the node's, its levelized cost of compute, the comparisons with terrestrial data centers. */
function costSection(r: DesignRecord): BudgetSection {
  const k = r.cost;
  return {
    title: 'Cost',
    rows: [
      row('hardware', k.hardware_USD / 1e6, 'M USD', 'first unit'),
      ...hardwareRows(r),
      row(
        'launch',
        k.launch_USD / 1e6,
        'M USD',
        `${fmt(k.launchPrice_USD_per_kg)} USD/kg, ${k.nodesPerLaunch} per launch`,
      ),
      row('operations (mission)', k.operations_USD / 1e6, 'M USD'),
      row('total', k.total_USD / 1e6, 'M USD'),
      row(
        'levelized cost of compute',
        k.lcoc_USD_per_PFLOP_day,
        'USD/PFLOP-day',
        `terrestrial ${fmt(k.terrestrialLcoc_USD_per_PFLOP_day)}`,
      ),
      row('cost per kW-year', k.costPerKWyr_USD, 'USD/kW-yr', `terrestrial ${fmt(k.terrestrialCostPerKWyr_USD)}`),
      row(
        'LCOC, discounted',
        k.lcocDiscounted_USD_per_PFLOP_day,
        'USD/PFLOP-day',
        `PV(cost)/PV(compute) at ${fmt(100 * k.discountRate_per_yr)} %/yr`,
      ),
      ...(k.nodesBuilt > 1
        ? [
            row(
              'fleet: nodes built, average node cost',
              `${fmt(k.nodesBuilt)} / ${fmt(k.averageNodeCost_USD / 1e6)}`,
              '- / M USD',
              `undiscounted fleet LCOC ${fmt(k.programLcoc_USD_per_PFLOP_day)}`,
            ),
          ]
        : []),
      ...unitCostRows(r),
    ],
  };
}

/** The first-unit hardware lines of a record, labelled (they sum to its hardware_USD); one list for every view. */
export function hardwareLines(k: DesignRecord['cost']): [string, number][] {
  return [
    ['chips', k.chipsHardware_USD],
    ['solar array', k.arrayHardware_USD],
    ['radiator', k.radiatorHardware_USD],
    ['battery', k.batteryHardware_USD],
    ['bus', k.busHardware_USD],
    ['ISL terminals', k.islHardware_USD],
    ['shielding and propellant', k.otherHardware_USD],
    ['assembly, integration and test', k.ait_USD],
  ];
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
  const v = (x: number | null): number | string => x ?? 'n/a';
  return {
    title: 'Tokens (LLM serving, output tokens)',
    rows: [
      row('model', t.decodeBound === null ? 'unavailable' : 'roofline', '-', t.basis),
      row(
        'tokens per chip while serving',
        v(t.perChip_tokens_per_s),
        'tokens/s',
        t.replicaChips === null ? undefined : `${t.replicaChips} chip(s) per replica`,
      ),
      row('decode rate per sequence', v(t.decodePerSequence_tokens_per_s), 'tokens/s'),
      row('node, orbit average', v(t.node_tokens_per_s), 'tokens/s'),
      row('per MW of IT power', v(t.itPower_tokens_per_s_per_MW), 'tokens/s/MW'),
      row('cost per million tokens', v(t.cost_USD_per_Mtoken), 'USD/Mtoken', 'roofline; PV(cost)/PV(tokens)'),
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
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => [...(r[j] ?? '')].length)));
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
  out.push(...constraintLines(r.constraints), ...warningLines(r.warnings), ...noteLines(r.notes));
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
          `${(100 * c.margin).toFixed(1)} %`,
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

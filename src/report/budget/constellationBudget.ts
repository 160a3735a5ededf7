/**
 * Budget tables for an evaluated constellation (what `odc evaluate <constellation>` prints): shells,
 * links, network, ground, launch, environment, totals, constraints with margins. Numbers are rounded
 * for reading; the JSON record keeps full precision.
 */
import { pushAll } from '../../base/arrays.js';
import type { ConstellationRecord, StatsRecord } from '../../constellation/record/record.js';
import type { ConstraintResult } from '../../node/record/record.js';
import { DEFAULT_GRAZING_HEIGHT_m } from '../../constellation/links/links.js';
import { M_PER_KM } from '../../base/convert.js';
import { constellationRecordSchema } from '../../constellation/record/recordSchema.js';
import {
  constraintLines,
  fieldRows,
  noteLines,
  row,
  sectionLines,
  table,
  type BudgetRow,
  type BudgetSection,
} from './budget.js';
import { fmt, groupedDecimal } from '../../base/numberFormat.js';
import { skyObserverText } from '../constellation/skyMap.js';

const MAX_LISTED = 3;
/** Above this many shells, per-shell node constraints are summarised by their worst shell. */
const MAX_SHELLS_LISTED = 4;

const fields = fieldRows(constellationRecordSchema);

const stats = (s: StatsRecord): string => `${fmt(s.min)} / ${fmt(s.mean)} / ${fmt(s.max)}`;

const where = (shell: string, plane: number | null, slot: number | null): string =>
  plane === null ? `${shell} (any)` : slot === null ? `${shell} cluster ${plane}` : `${shell} ${plane}/${slot}`;

/** A pair's encounter: relative speed, time within twice its closest approach and below the required separation. */
function encounterText(w: ConstellationRecord['environment']['conjunctions']['worst'][number]): string {
  if (w.relativeSpeed_m_s === null || w.encounterDuration_s === null) return '';
  const below = w.belowRequired_s ? `, ${fmt(w.belowRequired_s)} s below required` : '';
  return ` at ${fmt(w.relativeSpeed_m_s)} m/s (${fmt(w.encounterDuration_s)} s within 2×${below})`;
}

/** The worst pairs, and for each shell closer than required the Walker phasing that keeps it farthest apart. */
function conjunctionRows(r: ConstellationRecord): BudgetRow[] {
  const c = r.environment.conjunctions;
  const rows = c.worst
    .slice(0, MAX_LISTED)
    .map((w, i) =>
      row(
        `${i === 0 ? 'worst pairs' : ''}`,
        `${where(w.shellA, w.planeA, w.slotA)} ~ ${where(w.shellB, w.planeB, w.slotB)}`,
        '-',
        `${fmt(w.separation_km)} km${w.time_s === null ? ' (orbits, any phasing)' : ` at t = ${fmt(w.time_s)} s`}${encounterText(w)}, ${groupedDecimal(w.pairs, 0)} such pairs`,
      ),
    );
  for (const s of c.shells) {
    if (s.minSeparation_km >= c.required_km) continue;
    const shell = r.shells.find((x) => x.name === s.shell);
    const fix =
      s.bestPhasing === null
        ? 'phasing scan too large for this shell'
        : s.bestPhasingSeparation_km! >= c.required_km
          ? `try phasing: ${s.bestPhasing} (closest approach ${fmt(s.bestPhasingSeparation_km!)} km, closed form for this shell)`
          : `no phasing F clears it (best F = ${s.bestPhasing}: ${fmt(s.bestPhasingSeparation_km!)} km): change planes, satsPerPlane or inclination`;
    rows.push(row(`shell ${s.shell} (F = ${shell?.phasing ?? '?'})`, s.minSeparation_km, 'km', fix));
  }
  for (const w of c.worst.filter((x) => x.planeA === null && x.separation_km < c.required_km)) {
    rows.push(
      row(
        `shells ${w.shellA} and ${w.shellB}`,
        w.separation_km,
        'km',
        `orbits closer than ${fmt(c.required_km)} km on SGP4: move one shell`,
      ),
    );
  }
  return rows;
}

export function constellationSections(r: ConstellationRecord): BudgetSection[] {
  return [
    islSection(r),
    networkSection(r),
    groundSection(r),
    launchSection(r),
    environmentSection(r),
    totalsSection(r),
  ];
}

/** Inter-satellite links: count, range, rate, blocked links and pointing rate. */
function islSection(r: ConstellationRecord): BudgetSection {
  const isl = r.isl;
  const f = fields(r, 'isl');
  return {
    title: 'Inter-satellite links',
    rows: [
      f('links'),
      row('link range (min / mean / max)', stats(isl.linkRange_km), 'km'),
      row(
        'link rate (min / mean / max)',
        stats(isl.linkRate_Gbps),
        'Gbps',
        'link budget, capped at the terminal rating',
      ),
      f(
        'blockedLinks',
        isl.blockedLinks > 0
          ? 'line of sight below the grazing height at some samples: off then'
          : 'all clear of the atmosphere',
      ),
      row(
        'lowest line of sight',
        isl.minLineOfSightAltitude_km ?? '—',
        'km',
        `above the Earth, over every link and sample; a link needs ${DEFAULT_GRAZING_HEIGHT_m / M_PER_KM} km`,
      ),
      row(
        'worst link at its best',
        isl.minPeakLineOfSightAltitude_km ?? '—',
        'km',
        "the lowest link's highest line of sight: every link must close at some sample (isl.lineOfSight)",
      ),
      f('maxPointingRate_deg_s'),
    ],
  };
}

/** Network: throughput per node, bottleneck, hops and latency. */
function networkSection(r: ConstellationRecord): BudgetSection {
  const n = r.network;
  const f = fields(r, 'network');
  return {
    title: 'Network',
    rows: [
      row('traffic', n.traffic, '-', `${fmt(n.demandPerNode_Gbps)} Gbps offered per node`),
      f(
        'throughputPerNode_Gbps',
        n.throughputPerNodeUpper_Gbps > n.throughputPerNode_Gbps * (1 + 1e-6)
          ? 'a feasible routing (lower bound), worst shell, mean over instants'
          : 'maximum concurrent flow (exact), worst shell, mean over instants',
      ),
      f('throughputPerNodeUpper_Gbps', 'no routing does better on the links up at each instant'),
      f('minThroughputPerNode_Gbps'),
      row(
        'bottleneck utilization',
        n.bottleneckUtilization ?? '∞',
        '-',
        n.bottleneckUtilization === null
          ? 'the worst instant carries nothing'
          : 'offered / sustainable at the worst instant; > 1 overloaded',
      ),
      ...(n.maxHops > 0
        ? [
            row('hops (mean / max)', `${fmt(n.meanHops)} / ${fmt(n.maxHops)}`, '-'),
            row(
              'latency p50 / p99',
              `${fmt(n.p50Latency_ms)} / ${fmt(n.p99Latency_ms)}`,
              'ms',
              'light time + per-hop switching',
            ),
          ]
        : [row('hops and latency', 'n/a', '-', 'no routed paths (bound or no links)')]),
      row('model', n.reducedModel ? 'reduced (symmetry or bound)' : 'full link-graph LP', '-'),
    ],
  };
}

/** Ground segment: gateway contact, gaps and downlink. */
function groundSection(r: ConstellationRecord): BudgetSection {
  const f = fields(r, 'ground');
  return {
    title: 'Ground segment',
    rows: [
      f('stations'),
      f('contactFraction', 'fraction of the window'),
      f('meanStationContactFraction'),
      f('maxGap_min', 'no station in contact'),
      f('downlink_TB_per_day'),
      f('meanDownlink_Gbps', 'what the gateways can take'),
    ],
  };
}

/** Launch campaign: launches per shell and vehicle, prices, cost and deployment milestones. */
function launchSection(r: ConstellationRecord): BudgetSection {
  const l = r.launch;
  const f = fields(r, 'launch');
  return {
    title: 'Launch campaign',
    rows: [
      ...l.perShell.flatMap((s) =>
        s.vehicles
          .filter((v) => v.launches > 0)
          .map((v) =>
            row(
              `${s.shell}: ${v.vehicle}`,
              `${v.launches} × ${v.satellitesPerLaunch}`,
              'launches × sats',
              `limited by ${v.limitedBy}; ${fmt(v.payload_kg)} kg into the shell orbit (${v.payloadBasis})`,
            ),
          ),
      ),
      ...l.perShell.map((s) =>
        row(
          `${s.shell}: launch price`,
          `${fmt(s.price_USD_per_kg)} / ${fmt(s.nodePrice_USD_per_kg)}`,
          'USD/kg',
          'campaign (used in the totals) / node record',
        ),
      ),
      f('launches'),
      f('campaign_yr'),
      f('cost_USD', undefined, 'bn USD'),
      f('deployedAtHalfMilestone', 'fraction of satellites'),
      f('deployedAtFullMilestone', l.milestonesMet ? 'milestones met' : 'milestones MISSED'),
    ],
  };
}

/** Sun-synchronous shells' plane keeping: the inclination trim per satellite and why (planeKeeping.ts). */
function planeKeepingRows(r: ConstellationRecord): BudgetRow[] {
  return r.shells.flatMap((s) => {
    const k = s.planeKeeping;
    if (k === null) return [];
    return [
      row(
        `plane keeping ${s.name} (Δv per satellite)`,
        k.deltaV_m_s,
        'm/s',
        `trims ${fmt(k.trim_deg)}° of the ${fmt(k.injectionDispersion_deg)}° injection dispersion: planes ` +
          `${fmt(k.planeSpacing_deg)}° apart drift ${fmt(k.nodalDriftPerHundredthDegree_deg_per_yr)}°/yr per 0.01°; ` +
          `half the spacing over the life allows ${fmt(k.tolerance_deg)}° (in the node's station keeping)`,
      ),
    ];
  });
}

/** Orbital environment: density, closest approaches and overlapping shells. */
function environmentSection(r: ConstellationRecord): BudgetSection {
  const e = r.environment;
  return {
    title: 'Orbital environment',
    rows: [
      row('highest shell density', e.density_per_km3, 'sats/km³'),
      row(
        'closest approach of any two satellites',
        e.minSeparation_km,
        'km',
        `self-conjunction screen${r.shells.some((s) => s.pattern === 'cluster') ? ' (members of one cluster excluded)' : ''}; required ≥ ${fmt(e.conjunctions.required_km)} km`,
      ),
      row('pairs closer than required', e.conjunctions.pairsBelow, '-'),
      ...conjunctionRows(r),
      ...planeKeepingRows(r),
      row(
        `satellites brighter than V = 6 / ${fmt(r.sky.limit_mag)}`,
        `${groupedDecimal(r.sky.nakedEyeCount, 0)} / ${groupedDecimal(r.sky.limitCount, 0)}`,
        '-',
        `worst evening: ${skyObserverText(r.sky)}`,
      ),
      row(
        'overlapping shells',
        e.overlappingShells.length
          ? e.overlappingShells.slice(0, MAX_LISTED).join('; ') +
              (e.overlappingShells.length > MAX_LISTED ? ` (+${e.overlappingShells.length - MAX_LISTED} more)` : '')
          : 'none',
        '-',
      ),
    ],
  };
}

/** Totals: satellites, power, compute, mass and the cost breakdown. */
function totalsSection(r: ConstellationRecord): BudgetSection {
  const t = r.totals;
  const f = fields(r, 'totals');
  const bn = (key: 'launch_USD' | 'operations_USD' | 'replacements_USD' | 'ground_USD' | 'cost_USD') =>
    f(key, undefined, 'bn USD');
  return {
    title: 'Totals',
    rows: [
      f('satellites'),
      f('itPowerAvg_W', undefined, 'MW'),
      f('deliveredPFLOPS'),
      f('launchMass_kg', undefined, 't'),
      f('hardware_USD', 'learning curve across units', 'bn USD'),
      ...(['launch_USD', 'operations_USD', 'replacements_USD', 'ground_USD', 'cost_USD'] as const).map(bn),
      f('lcoc_USD_per_PFLOP_day'),
      eclipsePolicyRow(r),
      f('cost_USD_per_Mtoken', t.tokenBasis),
      f('flopsBoundCost_USD_per_Mtoken', 'FLOPs-based: delivered FLOPS / 2N per token, an upper bound on tokens'),
      row(
        'cost per chip-hour / per MWh of IT energy',
        `${fmt(t.costPerChipHour_USD)} / ${fmt(t.costPerMWh_USD)}`,
        'USD/chip-h / USD/MWh',
        'undiscounted',
      ),
    ],
  };
}

/**
 * The node's eclipse power policy (power.eclipseComputeFraction, one value for every shell's node) and the battery it
 * sizes in each shell (per node, first unit; at most MAX_LISTED shells named) and in the whole fleet.
 */
function eclipsePolicyRow(r: ConstellationRecord): BudgetRow {
  const used = r.shells.filter((s) => s.satellites > 0);
  const f = used[0]?.node.power.eclipseComputeFraction ?? NaN;
  const perShell = used
    .slice(0, MAX_LISTED)
    .map(
      (s) =>
        `${s.name} ${fmt(s.node.power.batteryEnergy_Wh / 1e3)} kWh, ${fmt(s.node.power.batteryMass_kg)} kg, ` +
        `${fmt(s.node.cost.batteryHardware_USD / 1e6)} M USD`,
    );
  const fleet_kg = used.reduce((a, s) => a + s.satellites * s.node.power.batteryMass_kg, 0);
  return row(
    'compute kept in eclipse',
    f,
    '-',
    `battery per node (first unit): ${perShell.join('; ')}${used.length > MAX_LISTED ? '; …' : ''}; fleet battery ${fmt(fleet_kg / 1e3)} t`,
  );
}

/** With many shells, each node constraint is shown once, at its worst shell (the JSON record has them all). */
function summarisedConstraints(r: ConstellationRecord): ConstraintResult[] {
  if (r.shells.length <= MAX_SHELLS_LISTED) return [...r.constraints];
  const worst = new Map<string, { c: ConstraintResult; violated: number }>();
  const rest: ConstraintResult[] = [];
  for (const c of r.constraints) {
    const cut = c.name.indexOf('/');
    if (cut < 0) {
      rest.push(c);
      continue;
    }
    const key = c.name.slice(cut + 1);
    const w = worst.get(key) ?? { c, violated: 0 };
    worst.set(key, { c: c.margin < w.c.margin ? c : w.c, violated: w.violated + (c.satisfied ? 0 : 1) });
  }
  const shells = r.shells.length;
  return [
    ...[...worst.values()].map(({ c, violated }) => ({
      ...c,
      name: `${c.name} (worst of ${shells} shells${violated ? `, ${violated} violated` : ''})`,
    })),
    ...rest,
  ];
}

/** The shell table: a header row, then one row per shell (odc evaluate's text and the explorer's panel). */
export function shellTableRows(r: ConstellationRecord): string[][] {
  return [
    ['shell', 'alt km', 'inc deg', 'pattern', 'planes × sats', 'period min', 'eclipse', 'ISL', 'node launch kg'],
    ...r.shells.map((s) => [
      s.name,
      fmt(s.altitude_km),
      fmt(s.inclination_deg),
      s.pattern,
      `${s.planes} × ${s.satsPerPlane}`,
      fmt(s.period_min),
      fmt(s.eclipseFraction),
      `${s.topology} ${s.terminal}`,
      fmt(s.node.mass.launch_kg),
    ]),
  ];
}

/** The budget as `odc evaluate` prints it; `lead`: sections printed before the others (./constellationCost.ts). */
export function formatConstellationBudget(r: ConstellationRecord, lead: readonly BudgetSection[] = []): string {
  const shells = table(
    shellTableRows(r).map(([name, ...rest]) => [`  ${name}`, ...rest]),
    ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'l', 'r'],
  );
  const out = [
    `${r.name} — constellation budget (${groupedDecimal(r.satellites, 0)} satellites)`,
    '',
    'Shells',
    shells,
    '',
  ];
  pushAll(out, [
    ...sectionLines([...lead, ...constellationSections(r)]),
    ...constraintLines(summarisedConstraints(r)),
    ...noteLines(r.notes),
  ]);
  return `${out.join('\n')}\n`;
}

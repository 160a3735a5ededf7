/**
 * The constellation's launch campaign from its spec and evaluated nodes: each shell packed at its own node's launch
 * mass (built-up or allocated, whichever is larger) and stowed volume, with each campaign vehicle's payload into
 * that shell's orbit (src/models/launch/launchPerformance.ts: its published points, interpolated; beyond them
 * extrapolated by the stated rocket-equation rule, derated and flagged; refused, payload 0, for a vehicle without
 * points, past the extrapolation limit, or not offered for SSO), into the insertion orbit when launch.insertion sets
 * one (each satellite then packed with its raising propellant), solved by the launch MILP (./launch.ts); and the launch
 * part of the constellation record. The flag reaches the record (perShell[].vehicles[].payloadBasis and
 * extrapolationDeltaV_m_s, launch.extrapolatedLaunches) and one note per vehicle that flies on an extrapolated
 * payload; a vehicle refused for a shell gets a note, and a shell every vehicle is refused for fails the launch check
 * (campaignPayloads), as does a campaign that cannot fly as given (./launch.ts shortfalls: campaignShortfalls).
 *
 * One launch price: the campaign vehicles' price_USD per launch is authoritative for the constellation (the MILP
 * needs a price per launch to choose vehicles). The node record prices its launch from its own vehicle row with the
 * same performance model (price ÷ payload into its orbit), so with the same vehicle the two differ only by how
 * full the launches are; a design's economics.launchCost_USD_per_kg (an abstract market price) changes the node
 * record only. The record states both $/kg per shell, and a note names any shell whose node price differs by more
 * than 10 % from the campaign's.
 */
import { maxOf, minOf, pushAll } from '../../base/arrays.js';
import type { DesignRecord } from '../../node/record/record.js';
import {
  EXTRAPOLATED_NOTE,
  extrapolationCaveat,
  vehiclePayloadToOrbit,
  type PayloadToOrbitResult,
} from '../../models/launch/launchPerformance.js';
import type { LpSolver } from '../../optimize/lp.js';
import type { ConstellationSpec } from '../design/compile.js';
import { launchCampaign, type LaunchCampaignResult } from './launch.js';
import { orbitRaising, type OrbitRaisingResult } from '../../models/launch/orbitRaising.js';
import { raisingPower, type RaisingPowerResult } from '../../models/launch/thrusters.js';
import { squareStowedBox } from '../../models/launch/fairingPacking.js';
import type { ShellLaunchRecord } from '../record/entrySchemas.js';

/** Relative gap between the node's and the campaign's $/kg above which the record notes it. */
const PRICE_GAP_NOTED = 0.1;

/** Each campaign vehicle's payload into each shell's orbit, [vehicle][shell]. */
export type CampaignPayloads = readonly (readonly PayloadToOrbitResult[])[];

/**
 * Each campaign vehicle's payload into each shell's orbit. A shell that every vehicle is refused for (unlaunchable)
 * fails the launch check with the reason (`unlaunchable`), in the lean evaluation the optimizer runs (a constraint
 * value, g > 0) as in the full one, and the campaign plans it for reference only, so every other budget is still
 * computed: on the rule's payload past the extrapolation limit where there is one, else on one satellite per launch
 * (`referenceLaunch_kg`, each shell's node launch mass). Without `referenceLaunch_kg` a shell with no payload figure
 * at all throws (a direct caller of launchPlan).
 */
export function campaignPayloads(
  spec: ConstellationSpec,
  notes: string[] = [],
  referenceLaunch_kg?: readonly number[],
): { payloads: CampaignPayloads; unlaunchable: readonly string[] } {
  const payloads = spec.launch.vehicles.map((v) =>
    spec.shells.map((s) => vehiclePayloadToOrbit(v.vehicle, insertionAltitude_m(spec, s), s.geometry.inclination_rad)),
  );
  const unlaunchable = unreachableShells(spec, payloads);
  const rule = (i: number): boolean => payloads.some((perShell) => (perShell[i]!.beyondLimit_kg ?? 0) > 0);
  const noFigure = unlaunchable.find((u) => !rule(u.i));
  if (noFigure !== undefined && referenceLaunch_kg === undefined) throw new RangeError(noFigure.why);
  const reference = (p: PayloadToOrbitResult, i: number): number =>
    rule(i) ? (p.beyondLimit_kg ?? 0) : referenceLaunch_kg![i]!;
  const planned = payloads.map((perShell) =>
    perShell.map((p, i) => (unlaunchable.some((u) => u.i === i) ? { ...p, payload_kg: reference(p, i) } : p)),
  );
  for (const u of unlaunchable)
    notes.push(
      `${u.why} (the campaign flies it ${rule(u.i) ? "on the rule's payload past the limit" : 'one satellite per launch'}, for reference only)`,
    );
  return { payloads: planned, unlaunchable: unlaunchable.map((u) => u.why) };
}

/** A node's mass on station as the campaign packs it: built-up or allocated, whichever is larger [kg]. */
export const stationMass_kg = (n: DesignRecord): number => Math.max(n.mass.launch_kg, n.mass.allocated_kg);

/** The altitude the vehicles insert a shell's satellites at: launch.insertion's, or the shell's own when lower. */
const insertionAltitude_m = (spec: ConstellationSpec, s: ConstellationSpec['shells'][number]): number =>
  Math.min(spec.launch.insertion?.altitude_m ?? Infinity, s.geometry.altitude_m);

/** One shell's raise: the rocket-equation figures and, for an electric raise, the thrusters' operating point. */
export interface ShellRaising extends OrbitRaisingResult {
  /** null for an impulsive (chemical) raise. */
  readonly power: RaisingPowerResult | null;
  readonly dutyCycle: number;
}

/**
 * What a node's bus draws while it raises itself, compute and laser links off: the peak demand less the compute's and
 * the terminals' (bus housekeeping and the thermal loop's pumps stay on) [W].
 */
export const raisingHousekeeping_W = (n: DesignRecord): number =>
  n.power.demandPeak_W - n.compute.itPowerPeak_W - n.isl.power_W;

/**
 * Each shell's raise from the insertion orbit to station (orbitRaising.ts), null without launch.insertion. An electric
 * raise runs on the node's own power (thrusters.ts raisingPower: its array at beginning of life less the housekeeping
 * bus) and fires in sunlight only: duty = 1 − the node's annual mean eclipse fraction at its station (an estimate for
 * the spiral below it, where eclipses are a little longer).
 */
export function shellRaising(spec: ConstellationSpec, nodes: readonly DesignRecord[]): readonly ShellRaising[] | null {
  const ins = spec.launch.insertion ?? null;
  if (ins === null) return null;
  return spec.shells.map((s, i) => {
    const n = nodes[i]!;
    const electric = ins.transfer === 'low-thrust';
    const power = electric
      ? raisingPower({
          thruster: ins.thruster,
          thrusters: ins.thrusters,
          arrayPower_W: n.power.bolPower_W,
          housekeeping_W: raisingHousekeeping_W(n),
          ...(ins.maxThrusterPower_W !== null ? { maxPower_W: ins.maxThrusterPower_W } : {}),
        })
      : null;
    const dutyCycle = electric ? 1 - n.orbit.eclipseFraction : 1;
    const r = orbitRaising({
      insertionAltitude_m: ins.altitude_m,
      stationAltitude_m: s.geometry.altitude_m,
      transfer: ins.transfer,
      isp_s: ins.isp_s,
      stationMass_kg: stationMass_kg(n),
      thrust_N: power?.thrust_N ?? 0,
      dutyCycle,
    });
    return { ...r, power, dutyCycle };
  });
}

/** The raise's figures for the record: the largest ΔV and time to station, the fleet's propellant (0 without). */
function raisingRecord(raising: readonly ShellRaising[] | null, sats: readonly number[]) {
  const r = raising ?? [];
  return {
    raisingDeltaV_m_s: maxOf([0, ...r.map((x) => x.deltaV_m_s)]),
    raisingPropellant_kg: r.reduce((a, x, i) => a + sats[i]! * x.propellant_kg, 0),
    timeToStation_s: maxOf([0, ...r.map((x) => x.timeToStation_s)]),
    raisingPower_W: r.some((x) => x.power !== null) ? minOf(r.flatMap((x) => (x.power ? [x.power.power_W] : []))) : 0,
  };
}

const ONE_SHELL_PER_LAUNCH =
  "launch: each launch carries one shell, packed at that shell's node and the vehicle's payload into its orbit";

/** The campaign and its figures for the record's launch section (src/constellation/record/fields.ts). */
export function launchPlan(
  spec: ConstellationSpec,
  nodes: readonly DesignRecord[],
  sats: readonly number[],
  lp: LpSolver,
  notes: string[],
  payloads: CampaignPayloads = campaignPayloads(spec).payloads,
) {
  // with an insertion orbit each satellite carries its raising propellant on the launch
  const raising = shellRaising(spec, nodes);
  const launchMass = raising?.map((r) => r.insertionMass_kg) ?? nodes.map(stationMass_kg);
  const campaign = launchCampaign({
    shells: spec.shells.map((s, i) => ({
      id: s.geometry.name,
      satellites: sats[i]!,
      launchMass_kg: launchMass[i]!,
      stowedVolume_m3: nodes[i]!.mass.stowedVolume_m3,
      stowedBox: squareStowedBox(nodes[i]!.mass.stowedVolume_m3, nodes[i]!.mass.stowedHeight_m),
    })),
    solver: lp,
    fairingPackingEfficiency: spec.launch.packingEfficiency,
    vehicles: spec.launch.vehicles.map((v, j) => ({
      ...v.vehicle,
      cadence_per_yr: v.cadence_per_yr,
      payloadToShell_kg: payloads[j]!.map((p) => p.payload_kg),
      ...(v.maxLaunches !== null ? { maxLaunches: v.maxLaunches } : {}),
    })),
    milestones: [
      { fraction: 0.5, within_yr: spec.launch.milestoneHalf_yr },
      { fraction: 1, within_yr: spec.launch.milestoneFull_yr },
    ],
  });
  const shortfalls = campaignShortfalls(spec, payloads, campaign);
  const why = shortfalls.map((x) => x.why);
  pushAll(notes, [...why, ...refusalNotes(spec, payloads), ...payloadNotes(spec, payloads, campaign)]);
  pushAll(notes, [...raisingNotes(spec, raising), ...(spec.shells.length > 1 ? [ONE_SHELL_PER_LAUNCH] : [])]);
  const perShell = shellLaunchRecords(campaign, nodes, payloads);
  pushAll(notes, priceNotes(spec, perShell));
  const mass_kg = sats.reduce((a, n, i) => a + n * launchMass[i]!, 0);
  return {
    campaign,
    shortfalls,
    launchRecord: {
      launches: campaign.launches,
      perVehicle: campaign.vehicles.map((v) => ({
        vehicle: v.id,
        launches: v.launches,
        satellitesPerLaunch: v.satellitesPerLaunch,
        limitedBy: v.binding,
      })),
      campaign_yr: campaign.campaign_yr,
      cost_USD: campaign.launch_USD,
      solver: campaign.solver.name,
      price_USD_per_kg: campaign.launch_USD / mass_kg,
      extrapolatedLaunches: extrapolatedLaunches(perShell),
      ...raisingRecord(raising, sats),
      perShell,
    },
  };
}

/**
 * Why the campaign cannot fly as given (a satellite too large, caps too small): the launch check counts each, as it
 * does a refused shell; a shell every vehicle is refused for has its reason already (campaignPayloads).
 */
function campaignShortfalls(spec: ConstellationSpec, payloads: CampaignPayloads, campaign: LaunchCampaignResult) {
  const refused = (id: string | null) =>
    spec.shells.some((s, i) => s.geometry.name === id && payloads.every((v) => v[i]!.basis === 'refused'));
  return campaign.shortfalls.filter((x) => !refused(x.shell));
}

/** One note stating the insertion orbit and each shell's raise (ΔV, propellant, days to station, thruster power). */
function raisingNotes(spec: ConstellationSpec, raising: readonly ShellRaising[] | null): string[] {
  const ins = spec.launch.insertion ?? null;
  if (ins === null || raising === null) return [];
  const each = raising.map(
    (r, i) =>
      `${spec.shells[i]!.geometry.name}: ${r.deltaV_m_s.toFixed(0)} m/s, ${r.propellant_kg.toFixed(0)} kg, ` +
      `${(r.timeToStation_s / 86400).toFixed(1)} d` +
      (r.power === null
        ? ''
        : ` at ${r.power.power_W.toFixed(0)} W (${r.power.limitedBy === 'node power' ? "all the node's" : 'of the node'} ` +
          `${r.power.available_W.toFixed(0)} W to spare), firing ${(100 * r.dutyCycle).toFixed(0)} % of the time`),
  );
  const how =
    ins.transfer === 'low-thrust'
      ? `Edelbaum spiral on ${ins.thrusters} × ${ins.thruster.name}, compute off, in sunlight`
      : 'Hohmann transfer';
  return [
    `launch: inserted at ${(ins.altitude_m / 1e3).toFixed(0)} km; each satellite raises itself to its shell ` +
      `(${how}, Isp ${ins.isp_s.toFixed(0)} s; ${listed(each)}): the propellant flies on the launch, service starts at station`,
  ];
}

/** Launches flown on a payload extrapolated beyond the vehicle's published points. */
const extrapolatedLaunches = (perShell: readonly ShellLaunchRecord[]): number =>
  perShell.reduce(
    (a, s) => a + s.vehicles.reduce((b, v) => b + (v.payloadBasis === 'extrapolated' ? v.launches : 0), 0),
    0,
  );

/** Each shell's launches, cost and $/kg, next to its node's $/kg, and the vehicles that carry it. */
function shellLaunchRecords(
  campaign: LaunchCampaignResult,
  nodes: readonly DesignRecord[],
  payloads: CampaignPayloads,
): ShellLaunchRecord[] {
  return campaign.shells.map((s, i) => ({
    shell: s.id,
    satellites: s.satellites,
    launches: s.launches,
    cost_USD: s.cost_USD,
    price_USD_per_kg: s.price_USD_per_kg,
    nodePrice_USD_per_kg: nodes[i]!.cost.launchPrice_USD_per_kg,
    vehicles: s.vehicles.map((v, j) => ({
      vehicle: v.vehicle,
      launches: v.launches,
      satellitesPerLaunch: v.satellitesPerLaunch,
      satellitesCarried: v.satellitesCarried,
      limitedBy: v.binding,
      payload_kg: v.payload_kg,
      payloadBasis: payloads[j]![i]!.basis,
      extrapolationDeltaV_m_s: payloads[j]![i]!.extrapolationDeltaV_m_s,
    })),
  }));
}

/** Shell names, the first few and how many more. */
const listed = (names: readonly string[]): string =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} (+${names.length - 3} more)`;

/** A shell's orbit for messages: "sso-500 (500 km, 97.4°)". */
const shellOrbit = (s: ConstellationSpec['shells'][number]): string =>
  `${s.geometry.name} (${(s.geometry.altitude_m / 1e3).toFixed(0)} km, ` +
  `${((s.geometry.inclination_rad * 180) / Math.PI).toFixed(1)}°)`;

/** "new-glenn: needs 922 m/s of extrapolation …" for a vehicle refused for shell i. */
const refusalOf = (spec: ConstellationSpec, payloads: CampaignPayloads, j: number, i: number) =>
  `${spec.launch.vehicles[j]!.vehicle.id}: ${payloads[j]![i]!.refusal ?? 'refused'}`;

/**
 * A shell that every campaign vehicle is refused for (no published points, past the extrapolation limit, or not
 * offered for SSO) cannot be launched: a failed design naming the vehicles, the orbit and why, before the MILP reports
 * it as a mass or volume limit.
 */
function unreachableShells(spec: ConstellationSpec, payloads: CampaignPayloads): { i: number; why: string }[] {
  return spec.shells.flatMap((s, i) =>
    payloads.every((perShell) => perShell[i]!.basis === 'refused')
      ? [
          {
            i,
            why:
              `launch: every campaign vehicle is refused for shell ${shellOrbit(s)}: ` +
              `${payloads.map((_, j) => refusalOf(spec, payloads, j, i)).join('; ')}; ` +
              'offer a vehicle with published performance near this orbit (designs/catalogs/launch-vehicles.yaml) or change the orbit',
          },
        ]
      : [],
  );
}

/** One note per vehicle refused for some shells (the others carry them): which shells and why. */
function refusalNotes(spec: ConstellationSpec, payloads: CampaignPayloads): string[] {
  return payloads.flatMap((perShell, j) => {
    // a shell every vehicle is refused for has its own note (evaluate.ts: the launch check)
    const refused = spec.shells.filter(
      (_, i) => perShell[i]!.basis === 'refused' && !payloads.every((v) => v[i]!.basis === 'refused'),
    );
    if (refused.length === 0) return [];
    const i = spec.shells.indexOf(refused[0]!);
    return [
      `launch: ${spec.launch.vehicles[j]!.vehicle.id} is refused for ${listed(refused.map(shellOrbit))} ` +
        `(${refused.length > 1 ? 'first: ' : ''}${perShell[i]!.refusal ?? 'refused'}); the campaign does not fly it there`,
    ];
  });
}

/** One note per vehicle that flies to shells on payloads extrapolated beyond its published points. */
function payloadNotes(spec: ConstellationSpec, payloads: CampaignPayloads, campaign: LaunchCampaignResult): string[] {
  return payloads.flatMap((perShell, j) => {
    const used = perShell
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => p.basis === 'extrapolated' && campaign.shells[i]!.vehicles[j]!.launches > 0);
    if (used.length === 0) return [];
    const dv = used.map(({ p }) => p.extrapolationDeltaV_m_s);
    const [lo, hi] = [minOf(dv), maxOf(dv)];
    const span = lo.toFixed(0) === hi.toFixed(0) ? hi.toFixed(0) : `${lo.toFixed(0)}–${hi.toFixed(0)}`;
    return [
      `launch: ${spec.launch.vehicles[j]!.vehicle.id} payload into ${listed(used.map(({ i }) => spec.shells[i]!.geometry.name))} is ${EXTRAPOLATED_NOTE} ` +
        `by the rocket-equation ΔV rule (${span} m/s; ${extrapolationCaveat()})`,
    ];
  });
}

/** The single-price statement, and one note naming the shells whose node $/kg differs from the campaign's by > 10 %. */
function priceNotes(
  spec: ConstellationSpec,
  perShell: readonly { shell: string; price_USD_per_kg: number; nodePrice_USD_per_kg: number }[],
): string[] {
  const out = [
    "launch price: the campaign vehicles' price per launch is authoritative for the constellation; each shell's node record " +
      "keeps its own $/kg (its vehicle's price ÷ payload into its orbit, or the design's launchCost_USD_per_kg), stated next to the campaign's in launch.perShell",
  ];
  const gaps = perShell.filter((s) => Math.abs(s.nodePrice_USD_per_kg / s.price_USD_per_kg - 1) > PRICE_GAP_NOTED);
  if (gaps.length === 0) return out;
  const override = spec.shells.some((s) => s.node.economics.launchCost_USD_per_kg !== undefined)
    ? '; a node design sets launchCost_USD_per_kg'
    : '';
  const g = gaps[0]!;
  out.push(
    `launch price differs by more than ${PRICE_GAP_NOTED * 100} % between node record and campaign in ${listed(gaps.map((x) => x.shell))} ` +
      `(e.g. ${g.shell}: ${g.nodePrice_USD_per_kg.toFixed(0)} vs ${g.price_USD_per_kg.toFixed(0)} USD/kg: partly filled launches, another vehicle${override}); ` +
      'the constellation totals use the campaign',
  );
  return out;
}

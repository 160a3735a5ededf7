import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../solvers/lp/index.js';
import { evaluateConstellationFileWith, loadConstellationSpec } from '../../src/constellation/evaluator.js';
import { evaluateConstellationLean } from '../../src/constellation/evaluate.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import type { ConstellationRecord } from '../../src/constellation/record/record.js';
import { evaluateDesignFile } from '../../src/node/evaluator.js';

import { EARTH_RADIUS_m } from '../helpers/constants.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-constellation-eval-');
const ai1 = resolve('designs/ai1.yaml');
const lp = await createLpSolver();

const evaluate = (name: string, text: string): ConstellationRecord =>
  evaluateConstellationFileWith(writeFile(dir, name, text), lp).record;
const file = (shells: string, rest = '') =>
  `name: t\nkind: constellation\nnode: ${ai1}\nshells:\n${shells}\nsimulation: { duration_h: 3, step_s: 60, snapshots: 2 }\n${rest}`;
/**
 * SGP4 reads the two-body mean motion as a Kozai mean motion: the radius comes out ~1 km above R⊕ + h (toolchain check:
 * 6929.0 km at 550 km).
 */
const sgp4Radius_m = (h_km: number) => EARTH_RADIUS_m + h_km * 1e3 + 1e3;

describe('constellation evaluation', () => {
  it('the node inside a shell is exactly odc evaluate of that node at that orbit', () => {
    // Independent path: a node file with the shell's orbit and the ISL the shell implies (+Grid → 4 terminals).
    const node = writeFile(
      dir,
      'node-550.yaml',
      `name: t/s1\nkind: node\nmission: { lifetime_yr: 5, solarActivity: moderate }\norbit: { altitude_km: 550, inclination_deg: 53 }\n` +
        'compute: { chip: gb300, chips: 72, utilization: 0.8 }\npower: { array: ai1-flex, arrayArea_m2: 600, battery: li-ion-cots }\n' +
        'thermal: { radiator: deployable-pumped-cots, radiatorArea_m2: 110, coating: osr }\nradiation: { shielding_mm_al: 5 }\nisl: { topology: grid, terminal: isl-100g }\n' +
        // the constellation prices its node on its programme: 40 satellites at its learning rate (default 0.9)
        'launch: { vehicle: starship, mass_kg: 2100 }\neconomics: { electricity_USD_per_kWh: 0.05, pue: 1.3, units: 40, learningRate: 0.9 }\n',
    );
    const expected = evaluateDesignFile(node).record;
    const r = evaluate(
      'same-node.yaml',
      file('  - { name: s1, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 10 }'),
    );
    expect(r.shells[0]!.node).toEqual(expected);
  });

  it("one basis: a 1-plane constellation without failures or gateways has its node fleet's discounted verdict", () => {
    // The node inside the shell prices a fleet of economics.units = the satellite count on the constellation's learning
    // curve, discounted at its rate; the constellation prices the same satellites, chips off the curve, the node's
    // operations fraction, discounted the same way. With no failures, no gateways and the campaign's launch equal to
    // n × the node's, both verdicts are one number.
    const shell = (n: number) =>
      `  - { name: p, altitude_km: 550, inclination_deg: 53, planes: 1, satsPerPlane: ${n} }`;
    const perLaunch = evaluate('probe.yaml', file(shell(8))).shells[0]!.node.cost.nodesPerLaunch;
    const n = 2 * perLaunch;
    const r = evaluate(
      'basis.yaml',
      file(shell(n), 'ground: { stations: [] }\neconomics: { satelliteFailureRate_per_yr: 0 }\n'),
    );
    const node = r.shells[0]!.node;
    expect(node.cost.nodesBuilt).toBe(n);
    expect(r.totals.launch_USD).toBeCloseTo(n * node.cost.launch_USD, 0); // precondition: full launches both ways
    expect(r.totals.lcocDiscounted_USD_per_PFLOP_day / node.cost.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(1, 12);
    // the verdicts against the node's scenario: constellation / fleet ground = node's spaceToTerrestrial
    const b = node.cost.baselines[0]!;
    expect(r.totals.lcocDiscounted_USD_per_PFLOP_day / b.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(
      b.spaceToTerrestrial,
      12,
    );
    // the undiscounted figures agree too (a second basis, bridged on one line in the reports)
    expect(r.totals.lcoc_USD_per_PFLOP_day / node.cost.programLcoc_USD_per_PFLOP_day).toBeCloseTo(1, 12);
  });

  it('a ring of 4 at 550 km is blocked by the Earth at every sample and fails the line-of-sight check', () => {
    // Neighbours 90° apart: the chord's lowest point is r·cos 45° ≈ 6929 × 0.707 = 4900 km from the centre, inside the
    // Earth.
    const r = evaluate(
      'ring4.yaml',
      file(
        '  - { name: r4, altitude_km: 550, inclination_deg: 53, planes: 1, satsPerPlane: 4 }',
        'isl: { topology: ring }\n',
      ),
    );
    expect(r.isl.blockedLinks).toBe(4);
    // The lowest point of a chord between neighbours 2π/S apart is its midpoint, r·cos(π/S) from the centre.
    const lowest_km = (sgp4Radius_m(550) * Math.cos(Math.PI / 4) - EARTH_RADIUS_m) / 1e3; // ≈ −1,478 km
    expect(Math.abs(r.isl.minLineOfSightAltitude_km! - lowest_km)).toBeLessThan(10); // SGP4: a few km off circular
    const los = r.constraints.find((c) => c.name === 'isl.lineOfSight')!;
    expect(los.satisfied).toBe(false);
    expect(los.enforced).toBe(false); // a check: the network sees no link at any instant
    // In-plane neighbours keep their chord: the link's best instant is as low as its worst (within SGP4's few km).
    expect(Math.abs(r.isl.minPeakLineOfSightAltitude_km! - lowest_km)).toBeLessThan(10);
    expect(los.value).toBe(r.isl.minPeakLineOfSightAltitude_km);
    expect(los.limit).toBe(100); // atmosphere 80 km + 20 km margin (linkSampling.ts)
    expect(los.margin).toBeCloseTo((los.value - 100) / 100, 12); // ≈ −15.8: 16 grazing heights below
  });

  it('the line-of-sight margin: a ring of 8 at 550 km grazes at ~22 km (blocked), a ring of 22 clears 100 km', () => {
    // r·cos(π/S) − R⊕ with r = 6,929 km: S = 8 → 6,929 × 0.9239 − 6,378 = 23 km; S = 22 → 6,929 × 0.9898 − 6,378 =
    // 480 km. A count of blocked links is 8 and 0; the margin says how far each is from the 100 km grazing height.
    const ring = (S: number) =>
      evaluate(
        `ring${S}-los.yaml`,
        file(
          `  - { name: r${S}, altitude_km: 550, inclination_deg: 53, planes: 1, satsPerPlane: ${S} }`,
          'isl: { topology: ring }\n',
        ),
      );
    for (const [S, blocked] of [
      [8, 8],
      [22, 0],
    ] as const) {
      const r = ring(S);
      const lowest_km = (sgp4Radius_m(550) * Math.cos(Math.PI / S) - EARTH_RADIUS_m) / 1e3;
      // SGP4's short-period terms move the radius by a few km around the circular value.
      expect(Math.abs(r.isl.minLineOfSightAltitude_km! - lowest_km)).toBeLessThan(10);
      expect(r.isl.blockedLinks).toBe(blocked);
      const los = r.constraints.find((c) => c.name === 'isl.lineOfSight')!;
      expect(los.satisfied).toBe(blocked === 0);
      expect(los.margin).toBeCloseTo((r.isl.minPeakLineOfSightAltitude_km! - 100) / 100, 12);
    }
  });

  it('without links the line-of-sight check has nothing to judge: it reads the lowest shell altitude and holds', () => {
    const r = evaluate(
      'no-links.yaml',
      file(
        '  - { name: a, altitude_km: 600, inclination_deg: 53, planes: 2, satsPerPlane: 20 }\n' +
          '  - { name: b, altitude_km: 520, inclination_deg: 53, planes: 2, satsPerPlane: 20 }',
        'isl: { topology: none }\n',
      ),
    );
    expect(r.isl.links).toBe(0);
    expect(r.isl.minLineOfSightAltitude_km).toBeNull();
    expect(r.isl.minPeakLineOfSightAltitude_km).toBeNull();
    const los = r.constraints.find((c) => c.name === 'isl.lineOfSight')!;
    expect(los.value).toBeCloseTo(520, 9); // the lower shell: no link between its satellites could pass higher
    expect(los.satisfied).toBe(true);
    expect(los.margin).toBeCloseTo((520 - 100) / 100, 9);
  });

  it('a ring of 22 at 550 km: neighbours 2r·sin(π/22) apart, all clear', () => {
    const r = evaluate(
      'ring22.yaml',
      file(
        '  - { name: r22, altitude_km: 550, inclination_deg: 53, planes: 1, satsPerPlane: 22 }',
        'isl: { topology: ring }\n',
      ),
    );
    const chord_km = (2 * sgp4Radius_m(550) * Math.sin(Math.PI / 22)) / 1e3; // = 1,972.2 km
    expect(r.isl.linkRange_km.mean).toBeGreaterThan(chord_km * 0.997);
    expect(r.isl.linkRange_km.mean).toBeLessThan(chord_km * 1.003);
    expect(r.isl.blockedLinks).toBe(0);
    expect(r.isl.links).toBe(22);
  });

  it('all-to-all on a 10 × 10 +Grid torus: λ = 2c / Σhops, from hop counts by hand', () => {
    // From one node of a 10×10 torus (F = 0) the fewest cross-plane hops summed over all 99 destinations are
    // X = S·Σ_p min(p, P−p) = 10 × 25 = 250, and in-plane hops Y = 250 likewise. Each node has 2 arcs of capacity c
    // in each class, so translation-symmetric routing sustains λ = 2c / 250 per ordered pair: with every link capped
    // at the 100 Gbps terminal rating (neighbours 36° apart: 2r·sin 18° ≈ 4,282 km < 5,000 km), λ = 0.8 Gbps and
    // each node sends 0.8 × 99 = 79.2 Gbps.
    const r = evaluate(
      'torus.yaml',
      file(
        '  - { name: g, altitude_km: 550, inclination_deg: 53, planes: 10, satsPerPlane: 10 }',
        'isl: { topology: grid, terminal: isl-100g }\ntraffic: { pattern: uniform, demandPerNode_Gbps: 50 }\n',
      ),
    );
    expect(r.isl.linkRate_Gbps.min).toBeCloseTo(100, 6);
    expect(r.network.throughputPerNode_Gbps).toBeCloseTo(79.2, 4);
    expect(r.network.reducedModel).toBe(true);
    expect(r.network.bottleneckUtilization).toBeCloseTo(50 / 79.2, 4);
  });

  it('a shell network kept from an earlier evaluation is not handed to one with another LP size limit', () => {
    // Bug caught: the per-process memo of shell networks keyed without simulation.maxFullLpColumns. A 2 × 10 dawn-dusk
    // band (+Grid, no seam link): N = 20 satellites, E = 20 in-plane + 10 cross-plane links, so its full LP has
    // N·2E = 1,200 flow columns: solved on the full graph under the default limit, by the reduced cylinder at 1,000.
    const band = (limit: string) =>
      `name: t\nkind: constellation\nnode: ${ai1}\nshells:\n` +
      '  - { name: b, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 2, satsPerPlane: 10, pattern: sso-ltan, ltanBand_h: 1 }\n' +
      'isl: { topology: grid, terminal: isl-100g }\ntraffic: { pattern: uniform, demandPerNode_Gbps: 1 }\n' +
      `simulation: { duration_h: 3, step_s: 60, snapshots: 2${limit} }\n`;
    const full = evaluate('band-full.yaml', band(''));
    expect(full.network.reducedModel).toBe(false);
    const reduced = evaluate('band-reduced.yaml', band(', maxFullLpColumns: 1000'));
    expect(reduced.network.reducedModel).toBe(true);
  });

  it('a shell no campaign vehicle can reach fails the launch check, naming vehicle and why, lean and full alike', () => {
    // Bug caught: the refusal checked only inside the launch plan that the evaluation hands its payloads to, so a
    // design nothing can launch would pass; a refusal that made the whole evaluation fail, with no budget at all; and
    // a lean evaluation (the optimizer's) that made it a failed point instead of a failed check. Falcon Heavy has no
    // published performance point (designs/catalogs/launch-vehicles.yaml): refused for every orbit, so the campaign
    // flies the shell one satellite per launch, for reference only.
    const text = file(
      '  - { name: dd, altitude_km: 726, inclination_deg: sso, ltan_h: 6, planes: 2, satsPerPlane: 10, pattern: sso-ltan, ltanBand_h: 1 }',
      'launch: { vehicles: [{ vehicle: falcon-heavy, cadence_per_yr: 12 }] }\n',
    );
    const why =
      /^launch: every campaign vehicle is refused for shell dd \(726 km, 98\.3°\): falcon-heavy: no published performance points .*one satellite per launch, for reference only\)$/;
    const r = evaluate('unlaunchable.yaml', text);
    const check = r.constraints.find((c) => c.name === 'launch.vehicle')!;
    expect([check.value, check.satisfied, check.enforced]).toEqual([1, false, true]);
    expect(r.notes.some((n) => why.test(n))).toBe(true);
    // every other budget is still there: the node, the totals, the campaign planned for reference (20 launches)
    expect(r.totals.itPowerAvg_W).toBeGreaterThan(0);
    expect(r.shells[0]!.node.mass.launch_kg).toBeGreaterThan(0);
    expect(r.launch.launches).toBe(20);
    // the optimizer's lean evaluation gives the same failed check (g = 1 − 0 > 0), and every other constraint alike
    const spec = loadConstellationSpec(writeFile(dir, 'unlaunchable.yaml', text), loadCatalogs());
    const lean = evaluateConstellationLean(spec, lp);
    expect(lean.constraints).toEqual(r.constraints);
    expect(lean.launch.launches).toBe(r.launch.launches);
    expect(lean.totals.lcoc_USD_per_PFLOP_day).toBe(r.totals.lcoc_USD_per_PFLOP_day);
  });

  it('launch.insertion: each satellite raises itself on its own power; its propellant flies, service starts at station', () => {
    // Starship's 100 t bound covers 350 km; a 550 km shell inserted there spirals up on one SPT-140 (the default row:
    // 4.5 kW, 290 mN, 1,750 s), which the node's spare power (array less the bus, compute off) runs at its rating,
    // firing in sunlight only. Edelbaum ΔV by hand: v(350 km) − v(550 km) = 111.91 m/s.
    const shell = '  - { name: s, altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 10 }';
    const direct = evaluate('direct.yaml', file(shell));
    const raised = evaluate('raised.yaml', file(shell, 'launch: { insertion: { altitude_km: 350 } }\n'));
    expect(raised.launch.raisingDeltaV_m_s).toBeCloseTo(111.91, 1);
    const node = raised.shells[0]!.node;
    const spare = node.power.bolPower_W - (node.power.demandPeak_W - node.compute.itPowerPeak_W - node.isl.power_W);
    expect(spare).toBeGreaterThan(4500);
    expect(raised.launch.raisingPower_W).toBe(4500);
    const m = Math.max(node.mass.launch_kg, node.mass.allocated_kg);
    const ve = 9.80665 * 1750;
    const mp = m * Math.expm1(111.91 / ve);
    expect(raised.launch.raisingPropellant_kg).toBeCloseTo(20 * mp, -1);
    // time to station: the propellant's burn m_p g₀ Isp / (F d), F = 0.29 N, d = 1 − the node's eclipse fraction
    const t_d = (mp * ve) / (0.29 * (1 - node.orbit.eclipseFraction)) / 86400;
    expect(raised.launch.timeToStation_d).toBeCloseTo(t_d, 0);
    // the first deployment reaches station that much later than the direct campaign's
    expect(raised.life.fullCapability_yr - direct.life.fullCapability_yr).toBeCloseTo(t_d / 365.25, 3);
    expect(direct.launch.timeToStation_d).toBe(0);
    expect(direct.launch.raisingPower_W).toBe(0);
    // a hydrazine row cannot fly an electric raise: refused naming the key
    expect(() =>
      evaluate('chem.yaml', file(shell, 'launch: { insertion: { altitude_km: 350, thruster: hydrazine } }\n')),
    ).toThrow(/launch\.insertion\.thruster hydrazine cannot fly a low-thrust raise/);
    expect(raised.notes.some((n) => n.startsWith('launch: inserted at 350 km; each satellite raises itself'))).toBe(
      true,
    );
    // the field is validated: an insertion below 150 km is refused naming it
    expect(() => evaluate('low.yaml', file(shell, 'launch: { insertion: { altitude_km: 100 } }\n'))).toThrow(
      /launch\.insertion\.altitude_km/,
    );
  });

  it('totals are sums over shells, and the launch campaign carries every kilogram', () => {
    const r = evaluate(
      'totals.yaml',
      file(
        '  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 6 }\n  - { name: b, altitude_km: 600, inclination_deg: sso, planes: 3, satsPerPlane: 5 }',
        'launch: { vehicles: [{ vehicle: falcon-9, cadence_per_yr: 12 }] }\n',
      ),
    );
    const [a, b] = r.shells as [ConstellationRecord['shells'][0], ConstellationRecord['shells'][0]];
    expect(r.satellites).toBe(12 + 15);
    expect(r.totals.itPowerAvg_W).toBeCloseTo(12 * a.node.compute.itPowerAvg_W + 15 * b.node.compute.itPowerAvg_W, 3);
    expect(r.totals.launchMass_kg).toBeCloseTo(12 * a.node.mass.launch_kg + 15 * b.node.mass.launch_kg, 3);
    // Each shell flies on its own launches at its own node mass: at least ⌈N_s × allocation_s / payload into s⌉
    // launches each, the payload into each orbit being below Falcon 9's 17,400 kg at 300 km × 53° (higher or SSO
    // orbits).
    const mass = [a, b].map((s) => Math.max(s.node.mass.launch_kg, s.node.mass.allocated_kg));
    const [pa, pb] = r.launch.perShell as [
      ConstellationRecord['launch']['perShell'][0],
      ConstellationRecord['launch']['perShell'][0],
    ];
    expect([pa.shell, pb.shell]).toEqual(['a', 'b']);
    expect(pa.launches + pb.launches).toBe(r.launch.launches);
    for (const [i, s] of [pa, pb].entries()) {
      expect(s.vehicles[0]!.payload_kg).toBeLessThan(17400);
      expect(s.launches).toBeGreaterThanOrEqual(Math.ceil((s.satellites * mass[i]!) / s.vehicles[0]!.payload_kg));
      expect(s.vehicles[0]!.satellitesPerLaunch).toBe(
        Math.min(
          Math.floor(s.vehicles[0]!.payload_kg / mass[i]!),
          Math.floor((0.7 * 157) / [a, b][i]!.node.mass.stowedVolume_m3),
        ),
      );
      // the campaign's $/kg for the shell: its launches × $74M over its satellites' launch mass
      expect(s.price_USD_per_kg).toBeCloseTo((s.launches * 74e6) / (s.satellites * mass[i]!), 6);
    }
    expect(pb.vehicles[0]!.payload_kg).toBeLessThan(pa.vehicles[0]!.payload_kg); // 600 km SSO below 550 km × 53°
    expect(r.launch.price_USD_per_kg).toBeCloseTo(r.launch.cost_USD / (12 * mass[0]! + 15 * mass[1]!), 6);
  });

  it("cost per million tokens is the node's token model: a one-shell constellation of identical nodes agrees with its node", () => {
    const r = evaluate(
      'tokens.yaml',
      file(
        '  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 6 }',
        'economics: { modelParams_B: 70 }\n',
      ),
    );
    const node = r.shells[0]!.node;
    // The node: $/Mtoken = PV(cost)/PV(tokens) = discounted LCOC [$/PFLOP-day] × PFLOPS / (tokens/s × 86,400 s / 1e6),
    // its roofline rate scaling with delivered compute. The constellation prices the same satellites' tokens the same
    // way, so $/Mtoken(constellation) = $/Mtoken(node) × LCOC_disc(constellation) / LCOC_disc(node): equal at equal
    // cost per delivered node-hour.
    const perMtoken = (lcocDisc: number) =>
      (lcocDisc * node.compute.deliveredPFLOPS) / ((node.inference.node_tokens_per_s! * 86400) / 1e6);
    expect(node.inference.cost_USD_per_Mtoken!).toBeCloseTo(perMtoken(node.cost.lcocDiscounted_USD_per_PFLOP_day), 6);
    expect(r.totals.cost_USD_per_Mtoken / perMtoken(r.totals.lcocDiscounted_USD_per_PFLOP_day)).toBeCloseTo(1, 9);
    expect(r.totals.cost_USD_per_Mtoken / node.inference.cost_USD_per_Mtoken!).toBeCloseTo(
      r.totals.lcocDiscounted_USD_per_PFLOP_day / node.cost.lcocDiscounted_USD_per_PFLOP_day,
      9,
    );
    // the workload class is stated: ai1's gb300 serving Llama-3-70B-class FP8 at batch 64 is decode memory-bound
    expect(r.totals.tokenBasis).toMatch(/^nodes' roofline: .*memory-bandwidth-bound at batch 64/);
    // beside it, the FLOPs-based figure: delivered FLOP/s ÷ (2 × 70e9) per satellite, priced the same way
    const flops_per_s = (node.compute.deliveredPFLOPS * 1e15) / (2 * 70e9);
    expect(r.totals.flopsBoundCost_USD_per_Mtoken / r.totals.cost_USD_per_Mtoken).toBeCloseTo(
      node.inference.node_tokens_per_s! / flops_per_s,
      9,
    );
    const pflopDays = r.totals.deliveredPFLOPS * 5 * 365.25;
    expect(r.totals.lcoc_USD_per_PFLOP_day).toBeCloseTo(r.totals.cost_USD / pflopDays, 6);
  });

  it("more satellites and a lower elevation mask raise the gateways' contact fraction", () => {
    const ground = (mask: number) => `ground: { stations: [malindi, santiago], minElevation_deg: ${mask} }\n`;
    const few = evaluate(
      'few.yaml',
      file('  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 3, satsPerPlane: 4 }', ground(25)),
    );
    const more = evaluate(
      'more.yaml',
      file('  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 6, satsPerPlane: 8 }', ground(25)),
    );
    const low = evaluate(
      'low.yaml',
      file('  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 3, satsPerPlane: 4 }', ground(10)),
    );
    expect(more.ground.contactFraction).toBeGreaterThan(few.ground.contactFraction);
    expect(low.ground.contactFraction).toBeGreaterThan(few.ground.contactFraction);
  });

  it('separation: satellites of one plane are 2r·sin(π/S) apart; shells 100 km apart come no closer than 100 km', () => {
    const r = evaluate(
      'sep.yaml',
      file(
        '  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 1, satsPerPlane: 20 }\n  - { name: b, altitude_km: 650, inclination_deg: 53, planes: 1, satsPerPlane: 20 }',
      ),
    );
    // In-plane: 2 × 6928 km × sin 9° = 2,168 km; between the shells: 100 km, the smaller, less the difference of
    // SGP4's radius profiles at 53° (shellGap.ts: ¼k(sin²i − 3cos²i + 1) = 876 m at 550 km, 864 m at 650 km, k ∝ 1/a).
    expect(Math.abs(r.environment.minSeparation_km - 100)).toBeLessThan(0.05);
  });
});

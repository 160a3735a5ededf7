import { describe, expect, it } from 'vitest';
import { ai1, withChange } from '../ai1.js';
import { loadStudyProblem } from '../../../src/run/problem.js';

/**
 * The eclipse power policy (power.eclipseComputeFraction = f) on AI1 (600 km dawn-dusk SSO), by hand:
 * - battery (SMAD 3rd ed. §11.4, p. 422): E = P_e · t_e / (DoD · η_b), P_e the eclipse load
 *   = f · P_IT,avg + P_bus + P_ISL + P_pump + P_heater, t_e the longest eclipse of the year;
 *   AI1's li-ion-cots row (designs/catalogs/batteries.yaml): DoD 0.25, η_b 0.9, 160 Wh/kg, $2/Wh; the space-qualified
 *   li-ion-leo row: DoD 0.3, η_b 0.9, 130 Wh/kg, $150/Wh;
 *   bus default 3 % of peak IT + 500 W (src/node/stages/thermalPower.ts);
 * - compute given up: (1 − f) × the annual mean shadow fraction of the orbit.
 */
interface Pack {
  readonly dod: number;
  readonly eta: number;
  readonly whPerKg: number;
  readonly usdPerWh: number;
}
const COTS: Pack = { dod: 0.25, eta: 0.9, whPerKg: 160, usdPerWh: 2 };
const QUALIFIED: Pack = { dod: 0.3, eta: 0.9, whPerKg: 130, usdPerWh: 150 };

const policy = (f: number) => withChange((d) => void (d.power.eclipseComputeFraction = f));

function handBattery_Wh(f: number, r: ReturnType<typeof policy>, P_IT_avg_W: number, pack: Pack = COTS): number {
  const bus_W = 0.03 * r.compute.itPowerPeak_W + 500;
  const load_W = f * P_IT_avg_W + bus_W + r.isl.power_W + r.thermal.pumpPower_W + r.power.heaterPower_W;
  const te_h = r.orbit.maxEclipse_min / 60;
  return (load_W * te_h) / (pack.dod * pack.eta);
}

describe('eclipse power policy: battery sized for the load kept through the worst eclipse', () => {
  // the sunlit (unthrottled) average IT power: AI1's own, at f = 1
  const P_IT = ai1.record.compute.itPowerAvg_W;

  it("AI1's stated policy is full ride-through, on its maker's COTS pack: 194 kWh, 1,213 kg and $0.39M", () => {
    const r = ai1.record;
    expect(r.power.eclipseComputeFraction).toBe(1);
    // 120.1 kW IT + 4.69 kW bus + 0.8 kW ISL + 1.16 kW pumps = 126.8 kW × 20.67 min / (0.25 × 0.9) = 194.1 kWh
    expect(r.power.batteryEnergy_Wh / handBattery_Wh(1, r, P_IT) - 1).toBeLessThan(1e-9);
    expect(r.power.batteryEnergy_Wh / 1e3).toBeCloseTo(194.1, 1);
    expect(r.power.batteryMass_kg).toBeCloseTo(r.power.batteryEnergy_Wh / COTS.whPerKg, 6);
    expect(r.cost.batteryHardware_USD).toBeCloseTo(r.power.batteryEnergy_Wh * COTS.usdPerWh, 3);
    expect(r.cost.batteryHardware_USD / 1e6).toBeCloseTo(0.388, 3);
  });

  it("the space-qualified classes give issue 53's figures: 162 kWh, 1,244 kg and $24.3M of $47.1M", () => {
    // li-ion-leo, the deployable-pumped radiator ($20,000/m²) and the rosa-flex array at its row price ($30/W)
    const r = withChange((d) => {
      d.power.battery = 'li-ion-leo';
      d.thermal.radiator = 'deployable-pumped';
      d.power.array = 'rosa-flex';
    });
    // 126.8 kW × 20.67 min / (0.3 × 0.9) = 161.8 kWh
    expect(r.power.batteryEnergy_Wh / handBattery_Wh(1, r, P_IT, QUALIFIED) - 1).toBeLessThan(1e-9);
    expect(r.power.batteryEnergy_Wh / 1e3).toBeCloseTo(161.8, 1);
    expect(r.power.batteryMass_kg).toBeCloseTo(r.power.batteryEnergy_Wh / QUALIFIED.whPerKg, 6);
    expect(r.cost.batteryHardware_USD / 1e6).toBeCloseTo(24.3, 1);
    expect(r.cost.hardware_USD / 1e6).toBeCloseTo(47.1, 1);
    // the COTS classes of ai1.yaml: the battery line × 2/150 at 0.3/0.25 of the energy, the radiator × 7,700/20,000,
    // the array ai1-flex at $8/W over rosa-flex at $30/W on the same 600 m², whose BOL watts differ only by the
    // packing factor (0.775 / 0.85: same cells, temperature and I_d), AIT 10 % of the non-chip lines with them
    const k = ai1.record.cost;
    expect(k.batteryHardware_USD / r.cost.batteryHardware_USD).toBeCloseTo(((2 / 150) * 0.3) / 0.25, 3);
    expect(k.radiatorHardware_USD / r.cost.radiatorHardware_USD).toBeCloseTo(7700 / 20000, 9);
    expect(k.arrayHardware_USD / r.cost.arrayHardware_USD).toBeCloseTo((8 / 30) * (0.775 / 0.85), 9);
  });

  for (const f of [0.5, 0]) {
    it(`f = ${f}: E = (f·P_IT + bus + ISL + pumps + heater)·t_e/(DoD·η), priced at $2/Wh`, () => {
      const r = policy(f);
      expect(r.power.eclipseComputeFraction).toBe(f);
      const hand = handBattery_Wh(f, r, P_IT);
      expect(r.power.batteryEnergy_Wh).toBeWithinRelative(hand, 1e-9);
      expect(r.power.batteryMass_kg).toBeCloseTo(hand / COTS.whPerKg, 6);
      expect(r.cost.batteryHardware_USD).toBeCloseTo(hand * COTS.usdPerWh, 6);
    });
  }

  it('idling compute in shadow (f = 0) makes the cold case need a heater, which the battery then carries', () => {
    // without the IT dissipation the loop falls below its minimum temperature: the heater is a real eclipse load
    expect(ai1.record.power.heaterPower_W).toBe(0);
    expect(policy(0).power.heaterPower_W).toBeGreaterThan(0);
  });

  it('compute given up = (1 − f) × the mean shadow fraction: the waterfall step and the budget row agree', () => {
    const r = policy(0.5);
    const lost = 0.5 * r.orbit.eclipseFraction;
    expect(r.compute.waterfall.find((w) => w.name === 'eclipse')!.factor).toBeCloseTo(1 - lost, 12);
    expect(r.compute.itPowerAvg_W / P_IT).toBeCloseTo(1 - lost, 12);
  });
});

describe('the shipped studies search the eclipse power policy', () => {
  it('flagship node study: power.eclipseComputeFraction in [0, 1], and a design at f = 0 carries the smaller battery', () => {
    const s = loadStudyProblem('designs/flagship-study.yaml');
    const vars = s.problem.variables;
    const i = vars.findIndex((v) => v.name === 'power.eclipseComputeFraction');
    expect(vars[i]).toMatchObject({ kind: 'real', lower: 0, upper: 1 });
    // AI1's own values for the other variables: 600 km, sso, 600 m², radiator 110 m², gb300, 72 chips, 5 mm,
    // 2,100 kg, grid
    const at = (f: number) => {
      const x = vars.map((v) => {
        const own: Record<string, number> = {
          'orbit.altitude_km': 600,
          'orbit.inclination_deg': 0,
          'power.arrayArea_m2': 600,
          'power.eclipseComputeFraction': f,
          'thermal.radiatorArea_m2': 110,
          'compute.chip': 2,
          'compute.chips': 72,
          'radiation.shielding_mm_al': 5,
          'launch.mass_kg': 2100,
          'isl.topology': 2,
        };
        return own[v.name]!;
      });
      return s.record!(Float64Array.from(x)) as ReturnType<typeof policy>;
    };
    const idle = at(0);
    const full = at(1);
    expect(idle.power.eclipseComputeFraction).toBe(0);
    expect(full.power.eclipseComputeFraction).toBe(1);
    // the study's base is AI1's, on its COTS pack (DoD 0.25)
    expect(full.power.batteryEnergy_Wh / handBattery_Wh(1, full, full.compute.itPowerAvg_W) - 1).toBeLessThan(1e-9);
    expect(idle.power.batteryEnergy_Wh).toBeLessThan(full.power.batteryEnergy_Wh);
  });

  it('constellation study: node.power.eclipseComputeFraction in [0, 1] reaches every node of the file', () => {
    const s = loadStudyProblem('designs/constellation-study.yaml');
    const vars = s.problem.variables;
    const i = vars.findIndex((v) => v.name === 'node.power.eclipseComputeFraction');
    expect(vars[i]).toMatchObject({ kind: 'real', lower: 0, upper: 1 });
    const x = Float64Array.from(vars.map((v) => (v.kind === 'real' || v.kind === 'int' ? v.lower : 0)));
    x[i] = 0.25;
    const node = s.constellation!.file(x)['node'] as { power: { eclipseComputeFraction: number } };
    expect(node.power.eclipseComputeFraction).toBe(0.25);
  });
});

describe("a shell plane with a longer eclipse than the node's own orbit (orbit.worstEclipseLtan_h)", () => {
  // At 550 km the 12:15 plane has a longer single eclipse than the 12:00 plane (test/constellation/geometry/ssoPlanes)
  const at = (worst?: number) =>
    withChange((d) => {
      d.orbit.altitude_km = 550;
      d.orbit.ltan_h = 12;
      if (worst !== undefined) d.orbit.worstEclipseLtan_h = worst;
    });
  const own = at();
  const shell = at(12.25);
  const other = withChange((d) => {
    d.orbit.altitude_km = 550;
    d.orbit.ltan_h = 12.25;
  });

  it('the battery carries the longer eclipse: SMAD E = P_e t_e / (DoD η) with t_e of the 12:15 plane', () => {
    expect(other.orbit.maxEclipse_min).toBeGreaterThan(own.orbit.maxEclipse_min);
    expect(own.power.powerEclipse_min).toBe(own.orbit.maxEclipse_min);
    expect(shell.power.powerEclipse_min).toBe(other.orbit.maxEclipse_min);
    const r = shell;
    const bus_W = 0.03 * r.compute.itPowerPeak_W + 500;
    // AI1 rides through (eclipse compute fraction 1): the eclipse IT load is the average IT power
    const P_e = r.compute.itPowerAvg_W + bus_W + r.isl.power_W + r.thermal.pumpPower_W + r.power.heaterPower_W;
    expect(r.power.batteryEnergy_Wh).toBeWithinRelative((P_e * r.power.powerEclipse_min) / 60 / (0.25 * 0.9), 1e-9);
  });

  it('a plane with a shorter eclipse changes nothing', () => {
    expect(at(6).power.batteryEnergy_Wh).toBe(own.power.batteryEnergy_Wh);
  });
});

/**
 * The node cost model's input checks (src/models/cost/cost.ts): every field is named in its error, range ends are
 * allowed or refused as documented, and the optional cost terms (shielding, chip premium) add by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  launchEconomics,
  nodeCost,
  stowedVolume_m3,
  terrestrialBaseline,
  type CostParams,
} from '../../../src/models/cost/cost.js';

/** An AI1-like node (72 GPUs at $55k, 160 kW array, 110 m² radiator, 1.9 t) on a 100 t / $90M / 684 m³ vehicle. */
const node: CostParams = {
  vehicle: { payloadLeo_kg: 100000, price_USD: 90e6, fairingVolume_m3: 684 },
  launch_kg: 1900,
  stowedVolume_m3: 14,
  chips: 72,
  costPerChip_USD: 55000,
  itPowerAvg_W: 120e3,
  itPowerPeak_W: 140e3,
  peakPFLOPS: 180,
  utilization: 0.8,
  deliveredPFLOPS: 120,
  lifetime_yr: 5,
  arrayBolPower_W: 160e3,
  arrayCost_USD_per_W: 8,
  radiatorArea_m2: 110,
  radiatorCost_USD_per_m2: 20000,
  batteryEnergy_Wh: 20000,
  batteryCost_USD_per_Wh: 2,
  islCost_USD: 1.2e6,
  bus_kg: 300,
  shielding_kg: 0,
  propellant_kg: 20,
};

describe('node cost checks name the field', () => {
  const fields: (keyof CostParams)[] = [
    'arrayBolPower_W',
    'arrayCost_USD_per_W',
    'radiatorArea_m2',
    'radiatorCost_USD_per_m2',
    'batteryEnergy_Wh',
    'batteryCost_USD_per_Wh',
    'islCost_USD',
    'bus_kg',
    'shielding_kg',
    'propellant_kg',
    'deliveredPFLOPS',
    'chipIntegrationFraction',
    'operationsFraction_per_yr',
    'operations_USD_per_yr',
    'launch_kg',
    'stowedVolume_m3',
    'launchPriceOverride_USD_per_kg',
    'payload_kg',
    'itPowerAvg_W',
    'itPowerPeak_W',
    'chips',
    'costPerChip_USD',
    'peakPFLOPS',
    'lifetime_yr',
    'electricityPrice_USD_per_kWh',
    'terrestrialCapex_USD_per_W',
    'terrestrialFacilityLife_yr',
  ];
  for (const field of fields) {
    it(`${field} = −1 is refused by name`, () => {
      expect(() => nodeCost({ ...node, [field]: -1 })).toThrow(
        new RegExp(`^${field} must be a finite number [>≥] 0, got -1$`),
      );
    });
  }

  it('vehicle fields are named with their prefix', () => {
    for (const f of ['payloadLeo_kg', 'price_USD', 'fairingVolume_m3'] as const) {
      expect(() => nodeCost({ ...node, vehicle: { ...node.vehicle, [f]: -1 } })).toThrow(
        new RegExp(`^vehicle\\.${f} must`),
      );
    }
  });

  it('stowed-volume fields are named', () => {
    const base = {
      arrayBolPower_W: 1,
      arrayStowedPowerDensity_W_per_m3: 1,
      radiatorArea_m2: 1,
      radiatorStowedArea_m2_per_m3: 1,
      coreMass_kg: 1,
    };
    for (const f of [...Object.keys(base), 'corePackagingDensity_kg_m3']) {
      expect(() => stowedVolume_m3({ ...base, [f]: -1 })).toThrow(new RegExp(`^${f} must`));
    }
  });
});

describe('range ends', () => {
  const refuses = (change: Partial<CostParams>, message: string): void => {
    expect(() => nodeCost({ ...node, ...change }), JSON.stringify(change)).toThrow(message);
  };
  const accepts = (change: Partial<CostParams>): void => {
    expect(() => nodeCost({ ...node, ...change }), JSON.stringify(change)).not.toThrow();
  };

  it('fairing packing efficiency in (0, 1]', () => {
    refuses({ fairingPackingEfficiency: 0 }, 'fairingPackingEfficiency must be in (0, 1], got 0');
    refuses({ fairingPackingEfficiency: 1.1 }, 'fairingPackingEfficiency must be in (0, 1], got 1.1');
    accepts({ fairingPackingEfficiency: 1 });
  });

  it('utilization in (0, 1]; PUE in [1, 5]; terrestrial availability in (0, 1]; AIT fraction in [0, 1]', () => {
    refuses({ utilization: 0 }, 'utilization must be in (0, 1], got 0');
    refuses({ utilization: 1.1 }, 'utilization must be in (0, 1], got 1.1');
    accepts({ utilization: 1 });
    refuses({ pue: 0.99 }, 'pue must be in [1, 5], got 0.99');
    refuses({ pue: 5.01 }, 'pue must be in [1, 5], got 5.01');
    accepts({ pue: 1 });
    accepts({ pue: 5 });
    refuses({ terrestrialAvailability: 0 }, 'terrestrialAvailability must be in (0, 1], got 0');
    refuses({ terrestrialAvailability: 1.01 }, 'terrestrialAvailability must be in (0, 1], got 1.01');
    accepts({ terrestrialAvailability: 1 });
    refuses({ aitFraction: -0.01 }, 'aitFraction must be in [0, 1], got -0.01');
    refuses({ aitFraction: 1.01 }, 'aitFraction must be in [0, 1], got 1.01');
    accepts({ aitFraction: 0 });
    accepts({ aitFraction: 1 });
  });
});

describe('cost terms by hand', () => {
  it('shielding adds mass × $50/kg, plus 10 % AIT: 100 kg → $5,500', () => {
    const extra = nodeCost({ ...node, shielding_kg: 100 }).hardware_USD - nodeCost(node).hardware_USD;
    expect(extra).toBeCloseTo(100 * 50 * 1.1, 6);
    expect(nodeCost({ ...node, shielding_kg: 100 }).shieldingHardware_USD).toBe(5000);
  });

  it('a 50 % chip premium: compute hardware 72 × $55k × 1.5 = $5.94M, no AIT on chips', () => {
    const r = nodeCost({ ...node, chipIntegrationFraction: 0.5 });
    expect(r.computeHardware_USD).toBeCloseTo(5.94e6, 6);
    expect(r.hardware_USD - nodeCost(node).hardware_USD).toBeCloseTo(0.5 * 72 * 55000, 6);
  });

  it('terrestrial $/kW-yr is the terrestrial total over average IT kW × years', () => {
    const t = terrestrialBaseline(node);
    expect(t.terrestrialCostPerKWyr_USD).toBeCloseTo(t.terrestrialTotal_USD / (120 * 5), 6);
  });

  it('a node that fits exactly once pays a whole vehicle', () => {
    // payload 2,000 kg / 1,900 kg → 1 by mass; 0.7 × 684 / 14 → 34 by volume
    const r = launchEconomics({ ...node, vehicle: { ...node.vehicle, payloadLeo_kg: 2000 } });
    expect(r.nodesPerLaunch).toBe(1);
    expect(r.launch_USD).toBe(90e6);
  });

  it('an explicit payload of 0 is allowed (priced as 1 kg); a launch price override replaces price/payload', () => {
    expect(launchEconomics({ ...node, payload_kg: 0 }).launchPrice_USD_per_kg).toBe(90e6);
    expect(launchEconomics({ ...node, launchPriceOverride_USD_per_kg: 0 }).launchPrice_USD_per_kg).toBe(0);
  });
});

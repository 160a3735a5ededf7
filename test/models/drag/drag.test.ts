import { describe, expect, it } from 'vitest';
import { cira2012Density, valladoExponentialDensity, type SolarActivity } from '../../../src/models/drag/atmosphere.js';
import { dragBudget, orbitAverageDragArea_m2, type DragParams } from '../../../src/models/drag/drag.js';
import { solarCycleDecay } from '../../../src/models/drag/decaySolarCycle.js';
import { km } from '../../helpers/units.js';
import { STANDARD_GRAVITY_m_s2 } from '../../helpers/constants.js';

/**
 * Table values are printed to 3 significant figures; a grid-point look-up must return them exactly (to rounding of
 * exp∘log).
 */
const exactRelative = 1e-12;
/** Tolerance of docs/sources.md §11 case 10 for the log-linear interpolation: ±3 %. */
const interpolationRelative = 0.03;
/** Domain-facts validation case 12: ±10 % on decay lifetimes (integrator and 2-digit reference values). */
const lifetimeRelative = 0.1;

/** The CIRA-2012 density record at an altitude [km]. */
const cira = (h_km: number, solarActivity: SolarActivity = 'moderate') =>
  cira2012Density({ altitude_m: km(h_km), solarActivity });

/** B = m/(C_D·A) = 2,200/(2.2·10) = 100 kg/m². */
const B100: DragParams = {
  altitude_m: km(550),
  solarActivity: 'moderate',
  dryMass_kg: 2200,
  dragArea_m2: 10,
  lifetime_yr: 5,
};

describe('CIRA-2012 density (docs/sources.md §11 case 10; cira-2012.dat, norabolig/SDCRE-NS)', () => {
  it('is exact at the grid points: moderate 400/500/600 km', () => {
    for (const [h, rho] of [
      [400, 4.22e-12],
      [500, 8.6e-13],
      [600, 2.06e-13],
    ] as const) {
      expect(cira(h).density_kg_m3).toBeWithinRelative(rho, exactRelative);
    }
  });

  it('low and high activity at 500 km: 5.44e-14 and 3.04e-12 kg/m³', () => {
    expect(cira(500, 'low').density_kg_m3).toBeWithinRelative(5.44e-14, exactRelative);
    expect(cira(500, 'high').density_kg_m3).toBeWithinRelative(3.04e-12, exactRelative);
  });

  it('log-linear interpolation at 550 km: 2.29e-14 / 4.13e-13 / 1.70e-12 (±3 %)', () => {
    expect(cira(550).density_kg_m3).toBeWithinRelative(4.13e-13, interpolationRelative);
    expect(cira(550, 'low').density_kg_m3).toBeWithinRelative(2.29e-14, interpolationRelative);
    expect(cira(550, 'high').density_kg_m3).toBeWithinRelative(1.7e-12, interpolationRelative);
  });

  it('the tail above 900 km is continuous and keeps the 880–900 km scale height (hand calculation)', () => {
    // Catches: a tail that restarts from a wrong base, uses another segment's scale height, or jumps at 900 km.
    // Moderate rows 880 / 900 km of cira-2012.dat: 9.27e-15 / 8.01e-15 kg/m³ → H = 20 km / ln(9.27/8.01)
    // = 20 / 0.14609 = 136.9 km (the 137 km of the model header). 1,000 km: 8.01e-15·e^(−100/136.9) = 3.858e-15.
    expect(cira(900).density_kg_m3).toBeWithinRelative(8.01e-15, exactRelative);
    expect(cira(900.001).fromTable).toBe(false);
    expect(cira(900.001).density_kg_m3).toBeWithinRelative(8.0099e-15, 1e-5); // 8.01e-15·e^(−1 m/136.9 km)
    expect(cira(1000).density_kg_m3).toBeWithinRelative(3.858e-15, 1e-3);
    expect(cira(2000).density_kg_m3).toBeLessThan(cira(1500).density_kg_m3);
    expect(cira(2000).density_kg_m3).toBeGreaterThan(0);
  });

  it('throws RangeError outside 100–2,000 km', () => {
    expect(() => cira(2001)).toThrow(RangeError);
    expect(() => cira(99)).toThrow(/100–2000 km/);
    expect(() => cira2012Density({ altitude_m: Number.NaN, solarActivity: 'low' })).toThrow(RangeError);
  });
});

describe('Vallado exponential model (docs/sources.md §11 case 11; Vallado 2013 Table 8-4)', () => {
  it('500 km → 6.967e-13, 550 km → 6.967e-13·exp(−50/63.822) = 3.19e-13 kg/m³ (±1 %)', () => {
    expect(valladoExponentialDensity({ altitude_m: km(500) }).density_kg_m3).toBeWithinRelative(
      6.967e-13,
      exactRelative,
    );
    expect(valladoExponentialDensity({ altitude_m: km(550) }).density_kg_m3).toBeWithinRelative(3.19e-13, 0.01);
  });
  it('differs from CIRA-2012 moderate by a model spread, not an error (550 km: 3.19e-13 vs 4.13e-13)', () => {
    // Different models (static CIRA-72-based vs CIRA-2012 mean): a ~30 % spread is expected; we only check order.
    const ratio = valladoExponentialDensity({ altitude_m: km(550) }).density_kg_m3 / cira(550).density_kg_m3;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('dragBudget: passive decay (docs/sources.md §11 case 12, CIRA-2012 fixed activity, to 200 km)', () => {
  it('B = 100 kg/m² at 550 km: ≈ 9.6 yr moderate, ≈ 2.9 yr high (±10 %)', () => {
    const r = dragBudget(B100);
    expect(r.ballisticCoefficient_kg_m2).toBeCloseTo(100, 10);
    expect(r.passiveDecay_yr).toBeWithinRelative(9.6, lifetimeRelative);
    expect(dragBudget({ ...B100, solarActivity: 'high' }).passiveDecay_yr).toBeWithinRelative(2.9, lifetimeRelative);
  });

  it('650 km moderate ≈ 41 yr (±10 %) and the low/moderate/high table of docs/sources.md §6', () => {
    expect(dragBudget({ ...B100, altitude_m: km(650) }).passiveDecay_yr).toBeWithinRelative(41, lifetimeRelative);
    expect(dragBudget({ ...B100, altitude_m: km(400) }).passiveDecay_yr).toBeWithinRelative(0.77, lifetimeRelative);
    expect(dragBudget({ ...B100, altitude_m: km(700), solarActivity: 'low' }).passiveDecay_yr).toBeWithinRelative(
      1235,
      lifetimeRelative,
    );
    expect(dragBudget({ ...B100, altitude_m: km(600), solarActivity: 'high' }).passiveDecay_yr).toBeWithinRelative(
      5.2,
      lifetimeRelative,
    );
  });

  it('lifetime is proportional to B', () => {
    const t1 = dragBudget(B100).passiveDecay_yr;
    const t2 = dragBudget({ ...B100, dryMass_kg: 2 * B100.dryMass_kg }).passiveDecay_yr;
    expect(t2 / t1).toBeCloseTo(2, 12);
  });

  it('FCC 5-year rule (47 CFR 25.283(e)): 650 km moderate is non-compliant for B ≥ ~12 kg/m²', () => {
    const at650 = (B: number) => dragBudget({ ...B100, altitude_m: km(650), dryMass_kg: B * 2.2 * 10 });
    expect(at650(100).fccCompliant).toBe(false);
    expect(at650(13).fccCompliant).toBe(false);
    expect(at650(10).fccCompliant).toBe(true);
    expect(dragBudget({ ...B100, altitude_m: km(400) }).fccCompliant).toBe(true);
  });

  it('returns a finite decay time at 2,000 km and 0 below the disposal altitude', () => {
    const top = dragBudget({ ...B100, altitude_m: km(2000) });
    expect(Number.isFinite(top.passiveDecay_yr)).toBe(true);
    expect(top.passiveDecay_yr).toBeGreaterThan(1e5);
    expect(dragBudget({ ...B100, altitude_m: km(150) }).passiveDecay_yr).toBe(0);
  });
});

describe('dragBudget: station keeping and propellant', () => {
  // Hand calculation shared by the two tests below (550 km, moderate, B = 100 kg/m²):
  //   ρ(550 km) = √(ρ₅₄₀·ρ₅₆₀) = √(4.77e-13 · 3.58e-13) = 4.132e-13 kg/m³ (cira-2012.dat rows, log-linear)
  //   v² = μ/r = 3.986004e14 / 6,928,137 m = 5.7534e7 m²/s²
  //   a_D = ½ρv²/B = 0.5 · 4.132e-13 · 5.7534e7 / 100 = 1.1888e-7 m/s²; × 31,557,600 s = 3.751 m/s per year.
  it('Δv/yr = ½ρv²/B × 1 yr (Vallado 2013 ch. 8): 550 km moderate, B = 100 → 3.751 m/s/yr (hand calculation)', () => {
    // Catches: a missing ½, v instead of v², m/(C_D·A) inverted, a calendar instead of Julian year (−0.07 %
    // is below the tolerance; a day-count error of 1/365 is not), or the wrong density segment (±20 %).
    expect(dragBudget(B100).stationKeepingDeltaV_m_s_per_yr).toBeWithinRelative(3.751, 1e-3);
  });

  it('propellant is the rocket equation on the dry mass: 10 yr, Isp 1,500 s → 5.618 kg; Isp 3,000 s → 2.807 kg', () => {
    // Catches: Δv not multiplied by the lifetime, g0 missing from v_e, the linearised m·Δv/v_e (5.611 kg, −0.12 %),
    // or the wet-mass form applied to the dry mass (m·(1 − e^(−Δv/v_e)) = 5.604 kg, −0.25 %).
    // Δv = 10 × 3.7514 = 37.514 m/s; v_e = 1,500 × 9.80665 = 14,709.98 m/s; Δv/v_e = 2.5502e-3.
    // Tsiolkovsky with the dry mass as final mass: m_p = m_dry·(e^(Δv/v_e) − 1) = 2,200 × 2.5535e-3 = 5.618 kg
    // (equivalently m_0·(1 − e^(−Δv/v_e)) with m_0 = m_dry·e^(Δv/v_e) = 2,205.618 kg).
    // Isp 3,000 s: v_e = 29,419.95 m/s, Δv/v_e = 1.2751e-3 → 2,200 × 1.2759e-3 = 2.807 kg.
    const r = dragBudget({ ...B100, lifetime_yr: 10 });
    expect(r.totalDeltaV_m_s).toBeWithinRelative(37.514, 1e-3);
    expect(r.propellantMass_kg).toBeWithinRelative(5.618, 2e-4);
    expect(dragBudget({ ...B100, lifetime_yr: 10, isp_s: 3000 }).propellantMass_kg).toBeWithinRelative(2.807, 2e-4);
  });

  it('EP orbit raise from insertion: Edelbaum circle-to-circle Δv = v(300 km) − v(550 km) = 140.67 m/s (hand calculation)', () => {
    // Catches: altitudes used as radii (no Earth radius: Δv ≈ 1.4 km/s), v² instead of v, or the raise left out of
    // the total. (A Hohmann transfer gives 140.66 m/s here, indistinguishable: the test does not tell the two apart.)
    // v(300) = √(3.986004e14 / 6,678,137) = 7,725.76 m/s; v(550) = √(3.986004e14 / 6,928,137) = 7,585.09 m/s.
    const r = dragBudget({ ...B100, insertionAltitude_m: km(300) });
    expect(Math.abs(r.orbitRaiseDeltaV_m_s - 140.67)).toBeLessThan(0.01);
    expect(Math.abs(r.totalDeltaV_m_s - (140.67 + 5 * 3.7514))).toBeLessThan(0.01);
  });

  it('throws RangeError for invalid inputs', () => {
    expect(() => dragBudget({ ...B100, dryMass_kg: 0 })).toThrow(RangeError);
    expect(() => dragBudget({ ...B100, dragArea_m2: -1 })).toThrow(RangeError);
    expect(() => dragBudget({ ...B100, altitude_m: km(2500) })).toThrow(/100–2000 km/);
    expect(() => dragBudget({ ...B100, lifetime_yr: -1 })).toThrow(RangeError);
    // 120 km, B = 1 kg/m², 10 yr: the rocket equation overflows → RangeError, never Infinity or NaN.
    expect(() => dragBudget({ ...B100, altitude_m: km(120), dryMass_kg: 22, lifetime_yr: 10 })).toThrow(
      /no propellant budget/,
    );
  });
});

describe('orbitAverageDragArea_m2', () => {
  it('sun-tracking array and radiator project 2/π of their area; the bus faces the flow', () => {
    const r = orbitAverageDragArea_m2({ arrayArea_m2: 600, radiatorArea_m2: 110, busArea_m2: 4 });
    expect(r.dragArea_m2).toBeCloseTo((2 / Math.PI) * 710 + 4, 10);
    expect(
      orbitAverageDragArea_m2({ arrayArea_m2: 600, radiatorArea_m2: 110, busArea_m2: 4, radiatorProjectionFactor: 0 })
        .dragArea_m2,
    ).toBeCloseTo((2 / Math.PI) * 600 + 4, 10);
  });

  it('the minimum area (conservative disposal attitude: arrays and radiator edge-on) is the bus frontal area', () => {
    const r = orbitAverageDragArea_m2({ arrayArea_m2: 600, radiatorArea_m2: 110, busArea_m2: 4 });
    expect(r.minimumDragArea_m2).toBe(4);
    // Fed to dragBudget as the disposal area it lengthens the decay by the area ratio (lifetime ∝ B = m/(C_D·A)).
    const orbitAverage = dragBudget({ ...B100, dragArea_m2: r.dragArea_m2 });
    const edgeOn = dragBudget({ ...B100, dragArea_m2: r.dragArea_m2, disposalDragArea_m2: r.minimumDragArea_m2 });
    expect(edgeOn.passiveDecay_yr / orbitAverage.passiveDecay_yr).toBeCloseTo(r.dragArea_m2 / 4, 9);
  });
});

describe('CIRA-2012 interpolation is log-linear (density exponential between grid points)', () => {
  // Between two table rows the density is exponential in altitude, ρ(h_i + x) = ρ_i·(ρ_{i+1}/ρ_i)^{x/Δh}, so the
  // midpoint is the GEOMETRIC mean of the neighbours and the quarter point is ρ_i^¾·ρ_{i+1}^¼. A linear
  // interpolation gives the arithmetic mean instead: +1.4 % at 410 km moderate, 2.6× at 110 km low.
  // Neighbour values are the published rows of cira-2012.dat (moderate 400 / 420 km, low 100 / 120 km).
  it('midpoint 410 km moderate: √(4.22e-12 · 3.02e-12) = 3.570e-12 kg/m³ (linear would give 3.62e-12)', () => {
    expect(cira(410).density_kg_m3).toBeWithinRelative(Math.sqrt(4.22e-12 * 3.02e-12), exactRelative);
  });

  it('midpoint 110 km low: √(5.31e-7 · 2.18e-8) = 1.076e-7 kg/m³ and quarter point 105 km: ρ₁₀₀^¾ · ρ₁₂₀^¼', () => {
    expect(cira(110, 'low').density_kg_m3).toBeWithinRelative(Math.sqrt(5.31e-7 * 2.18e-8), exactRelative);
    expect(cira(105, 'low').density_kg_m3).toBeWithinRelative(5.31e-7 ** 0.75 * 2.18e-8 ** 0.25, exactRelative);
  });

  it('scale height of the 400–420 km moderate segment: 20 km / ln(4.22/3.02) = 59.8 km', () => {
    expect(cira(410).scaleHeight_m).toBeWithinRelative(km(20) / Math.log(4.22 / 3.02), 1e-9);
  });
});

describe('extra station keeping (formation keeping) in the propellant budget', () => {
  /** 550 km moderate, 5,000 kg dry, 100 m², 5 years. */
  const heavy550: DragParams = { ...B100, dryMass_kg: 5000, dragArea_m2: 100 };
  it('adds to the yearly drag make-up inside one rocket equation: m_p = m_dry·(e^{(Δv_drag + Δv_x)·L/(I_sp g₀)} − 1)', () => {
    // 550 km moderate, 5,000 kg dry, 100 m² (no orbit raise): hand rocket equation with I_sp = 1,500 s, g₀ = 9.80665.
    const p = heavy550;
    const plain = dragBudget(p);
    const withExtra = dragBudget({ ...p, extraDeltaV_m_s_per_yr: 40 });
    const ve = 1500 * STANDARD_GRAVITY_m_s2;
    expect(withExtra.stationKeepingDeltaV_m_s_per_yr).toBe(plain.stationKeepingDeltaV_m_s_per_yr); // drag make-up alone
    expect(withExtra.totalDeltaV_m_s - plain.totalDeltaV_m_s).toBeCloseTo(200, 9);
    expect(withExtra.propellantMass_kg).toBeCloseTo(
      5000 * Math.expm1(((plain.stationKeepingDeltaV_m_s_per_yr + 40) * 5) / ve),
      6,
    );
  });

  it('rejects a negative or non-finite extra Δv', () => {
    const p = heavy550;
    for (const x of [-1, Number.NaN, Infinity])
      expect(() => dragBudget({ ...p, extraDeltaV_m_s_per_yr: x })).toThrow(RangeError);
  });
});

describe('edges', () => {
  /**
   * Edges of src/models/drag/drag.ts and src/models/drag/atmosphere.ts that drag.test.ts leaves open: the
   * orbit-averaged drag area by hand, the range checks on both sides with their messages, the model ranges' end points,
   * and the exponential tail above the CIRA-2012 table worked from the header (the scale height of the 880–900 km
   * interval kept up to 2,000 km).
   */
  describe('orbit-averaged drag area, by hand', () => {
    it('array and radiator at the default 2/π, the bus whole; the bus alone is the minimum', () => {
      const r = orbitAverageDragArea_m2({ arrayArea_m2: 10, radiatorArea_m2: 4, busArea_m2: 2 });
      expect(r.dragArea_m2).toBeCloseTo((2 / Math.PI) * 14 + 2, 12);
      expect(r.minimumDragArea_m2).toBe(2);
      const edge = orbitAverageDragArea_m2({
        arrayArea_m2: 10,
        radiatorArea_m2: 4,
        busArea_m2: 2,
        arrayProjectionFactor: 1,
        radiatorProjectionFactor: 0,
      });
      expect(edge.dragArea_m2).toBe(12);
      const edge2 = { arrayArea_m2: 10, radiatorArea_m2: 4, busArea_m2: 2, arrayProjectionFactor: 0 };
      expect(orbitAverageDragArea_m2({ ...edge2, radiatorProjectionFactor: 1 }).dragArea_m2).toBe(6);
    });

    it('refuses a negative or infinite area, naming the three, and a factor outside [0, 1]', () => {
      const ok = { arrayArea_m2: 1, radiatorArea_m2: 1, busArea_m2: 1 };
      const msg = (a: number, r: number, b: number) =>
        `arrayArea_m2, radiatorArea_m2 and busArea_m2 must be finite and ≥ 0, got ${a}, ${r}, ${b}`;
      expect(() => orbitAverageDragArea_m2({ ...ok, arrayArea_m2: -1 })).toThrow(msg(-1, 1, 1));
      expect(() => orbitAverageDragArea_m2({ ...ok, radiatorArea_m2: -1 })).toThrow(msg(1, -1, 1));
      expect(() => orbitAverageDragArea_m2({ ...ok, busArea_m2: -1 })).toThrow(msg(1, 1, -1));
      expect(() => orbitAverageDragArea_m2({ ...ok, busArea_m2: Infinity })).toThrow(msg(1, 1, Infinity));
      expect(orbitAverageDragArea_m2({ arrayArea_m2: 0, radiatorArea_m2: 0, busArea_m2: 0 }).dragArea_m2).toBe(0);
      for (const f of [
        { arrayProjectionFactor: -0.1 },
        { arrayProjectionFactor: 1.1 },
        { radiatorProjectionFactor: -0.1 },
        { radiatorProjectionFactor: 1.1 },
      ])
        expect(() => orbitAverageDragArea_m2({ ...ok, ...f })).toThrow(
          new RangeError('projection factors must be in [0, 1]'),
        );
    });
  });

  describe('atmosphere model ranges', () => {
    it('CIRA-2012: 100 km is the first table row; 99 km is refused with a message in km', () => {
      expect(cira2012Density({ altitude_m: 100e3, solarActivity: 'low' }).density_kg_m3).toBeCloseTo(5.31e-7, 18);
      expect(() => cira2012Density({ altitude_m: 99e3, solarActivity: 'low' })).toThrow(
        'altitude 99 km is outside the atmosphere model range 100–2000 km',
      );
    });

    it('CIRA-2012 above 900 km: the 880–900 km scale height kept, ρ(2000) = ρ900·(ρ900/ρ880)^55', () => {
      // moderate: ρ880 = 9.27e-15, ρ900 = 8.01e-15 kg/m³ (the table's last two rows)
      const r = cira2012Density({ altitude_m: 2000e3, solarActivity: 'moderate' });
      expect(r.density_kg_m3 / (8.01e-15 * (8.01e-15 / 9.27e-15) ** 55) - 1).toBeCloseTo(0, 9);
      expect(r.fromTable).toBe(false);
      expect(cira2012Density({ altitude_m: 900e3, solarActivity: 'moderate' }).fromTable).toBe(true);
    });

    it('Vallado exponential model: 0 km is 1.225 kg/m³, 2,000 km is accepted, outside 0–2,000 km is refused', () => {
      expect(valladoExponentialDensity({ altitude_m: 0 }).density_kg_m3).toBe(1.225);
      expect(valladoExponentialDensity({ altitude_m: 2000e3 }).fromTable).toBe(false);
      expect(valladoExponentialDensity({ altitude_m: 1000e3 }).fromTable).toBe(true);
      expect(valladoExponentialDensity({ altitude_m: 1001e3 }).fromTable).toBe(false);
      expect(() => valladoExponentialDensity({ altitude_m: -1000 })).toThrow(
        new RangeError('altitude -1 km is outside the exponential model range 0–2000 km'),
      );
      expect(() => valladoExponentialDensity({ altitude_m: 2001e3 })).toThrow(
        'altitude 2001 km is outside the exponential model range 0–2000 km',
      );
    });
  });

  /** 500 km, B = 100 kg/m² (2,200 kg, C_D 2.2, 10 m²). */
  const at500: DragParams = { ...B100, altitude_m: 500e3 };

  describe('dragBudget: input ranges and their messages', () => {
    it('each positive input is named when refused', () => {
      for (const [field, change] of [
        ['dryMass_kg', { dryMass_kg: 0 }],
        ['dragArea_m2', { dragArea_m2: 0 }],
        ['dragCoefficient', { dragCoefficient: 0 }],
        ['isp_s', { isp_s: 0 }],
        ['disposalDragArea_m2', { disposalDragArea_m2: 0 }],
      ] as const)
        expect(() => dragBudget({ ...at500, ...change })).toThrow(`${field} must be a finite number > 0, got 0`);
    });

    it('the lifetime may be 0 or 100 yr, not more, and the message says so', () => {
      expect(dragBudget({ ...at500, lifetime_yr: 0 }).totalDeltaV_m_s).toBe(0);
      expect(dragBudget({ ...at500, lifetime_yr: 100 }).totalDeltaV_m_s).toBeGreaterThan(0);
      expect(() => dragBudget({ ...at500, lifetime_yr: 100.5 })).toThrow(
        new RangeError('lifetime_yr must be in [0, 100], got 100.5'),
      );
      expect(() => dragBudget({ ...at500, extraDeltaV_m_s_per_yr: -2 })).toThrow(
        new RangeError('extraDeltaV_m_s_per_yr must be a finite Δv ≥ 0, got -2'),
      );
    });

    it('the insertion altitude lies in 100–2,000 km; at either end the raise is |v(h₁) − v(550 km)| by hand', () => {
      // v = √(μ/(R⊕ + h)), μ = 3.986004418e14 m³/s², R⊕ = 6,378,137 m: v(100 km) = 7,844.113, v(550 km) = 7,585.089,
      // v(2,000 km) = 6,897.555 m/s.
      const at550 = { ...at500, altitude_m: 550e3 };
      expect(dragBudget({ ...at550, insertionAltitude_m: 100e3 }).orbitRaiseDeltaV_m_s).toBeCloseTo(259.024, 3);
      expect(dragBudget({ ...at550, insertionAltitude_m: 2000e3 }).orbitRaiseDeltaV_m_s).toBeCloseTo(687.534, 3);
      expect(() => dragBudget({ ...at550, insertionAltitude_m: 99e3 })).toThrow(
        new RangeError('insertionAltitude_m must be within 100–2000 km, got 99 km'),
      );
      expect(() => dragBudget({ ...at550, insertionAltitude_m: 2001e3 })).toThrow(
        'insertionAltitude_m must be within 100–2000 km, got 2001 km',
      );
    });

    it('an unknown disposal model is refused with the list of the known ones', () => {
      expect(() => dragBudget({ ...at500, disposalSolarCycle: 'cycle' as 'fixed' })).toThrow(
        new RangeError("disposalSolarCycle must be 'fixed', cycle-phase, cycle-mean, cycle-worst; got cycle"),
      );
    });

    it('a node already at the disposal altitude decays in 0 yr and meets even a 0-yr limit (≤, not <)', () => {
      const r = dragBudget({ ...at500, disposalAltitude_m: 500e3, disposalLimit_yr: 0 });
      expect([r.passiveDecay_yr, r.fccCompliant]).toEqual([0, true]);
    });
  });

  describe('dragBudget: the disposal note names the model, the decay ends, the area and B', () => {
    const area = 'orbit-average area 10.0 m², B = 100 kg/m²';
    const template = 'passive decay 500→200 km through the CIRA-2012 solar-cycle template';

    it("'cycle-phase' starts at the minimum unless told: the decay of phase 'min', and the note says 0.0 yr", () => {
      const r = dragBudget({ ...at500, disposalSolarCycle: 'cycle-phase' });
      const min = solarCycleDecay({
        altitude_m: 500e3,
        ballisticCoefficient_kg_m2: 100,
        mode: 'phase',
        startPhase: 'min',
      });
      expect(r.passiveDecay_yr).toBe(min.decay_yr);
      expect(r.disposalModel).toBe(`${template}, one start phase (start 0.0 yr after solar minimum); ${area}`);
    });

    it("'cycle-mean' and 'cycle-worst' name the statistic of the 12 phases, and 'worst' its table", () => {
      expect(dragBudget({ ...at500, disposalSolarCycle: 'cycle-mean' }).disposalModel).toBe(
        `${template}, mean of 12 start phases; ${area}`,
      );
      expect(dragBudget({ ...at500, disposalSolarCycle: 'cycle-worst' }).disposalModel).toBe(
        `${template}, worst of 12 start phases (tabulated: within 1 % of the integration); ${area}`,
      );
    });

    it('past the 200-yr cap the note says the decay is a cycle-mean estimate (800 km, B = 100)', () => {
      const r = dragBudget({
        ...at500,
        altitude_m: 800e3,
        disposalSolarCycle: 'cycle-mean',
        disposalAltitude_m: 250e3,
      });
      expect(r.passiveDecayOverCap).toBe(true);
      expect(r.disposalModel).toBe(
        'passive decay 800→250 km through the CIRA-2012 solar-cycle template, mean of 12 start phases; ' +
          `beyond the 200-yr integration cap, a cycle-mean estimate; ${area}`,
      );
    });
  });
});

/**
 * odc's margin policy: requirements (what the customer asks, a study's constraints) are met at their value; design
 * margins sit on the physical quantities whose estimates are uncertain, inside the physical checks the search
 * enforces, so every design on a front holds them. Under uncertainty a margin is what the sampled growth may use up:
 * each sample is evaluated with the margins spent (`spendMargins`), so a check holds while the sampled quantity stays
 * within the allocation the design fixed (array and radiator area ≥ required, built-up mass without its system
 * margin ≤ the launch allocation; passive decay from that mass).
 *
 * The margins (DESIGN_MARGINS, one list; docs/runs.md §"Margin policy" gives the policy and its sources):
 * - mass: system margin on basic dry mass, mass.systemMargin (default 0.20: ESA CDF phase A; AIAA S-120A-2015 mass
 *   growth allowance; NASA Ames APR 8070.1 Table 3.1.1.1-1 asks 30/20/15/5 % at SRR/PDR/CDR/SIR);
 * - power: power.designMargin on the array's worst-orbit demand, and thermal: thermal.designMargin on the radiator's
 *   hot-case heat load (default 0, the physics alone; the shipped studies apply the same PDR-level 0.20 as mass);
 * - radiation: mission.radiationDesignMargin on the AP-8/AE-8 dose (default 2): the model against today's environment,
 *   whose field-epoch part every sample draws (radiation.trappedDoseFactor, uniform 1–3.3, radiation.ts). A sample
 *   spends it (ratio 1), so the epoch counts once: as the margin in the enforced check, as the factor in P(all hold).
 *   Neither covers AP-9/AE-9 beyond the epoch, tolerance spread or solar protons (docs/approximations.md).
 * Assumptions: the required array and radiator areas are linear in the demand they carry (power.ts, thermal.ts), so a
 * margin on the demand is the same margin on the area.
 */
export interface DesignMargin {
  /** The physical check the margin sits in. */
  readonly check: string;
  /** The design key that sets it. */
  readonly key: string;
  /** What it covers. */
  readonly covers: string;
  /** Whether a sample spends it (false: it covers a model the samples do not vary). */
  readonly spentInSamples: boolean;
  /** The key's value with the margin spent: 0 for a fraction of the quantity, 1 for a ratio on it. */
  readonly spent: number;
}

export const DESIGN_MARGINS: readonly DesignMargin[] = [
  {
    check: 'mass.launchClosure',
    key: 'mass.systemMargin',
    covers: 'growth of the basic dry mass',
    spentInSamples: true,
    spent: 0,
  },
  {
    check: 'power.arrayArea',
    key: 'power.designMargin',
    covers: 'growth of the power the array must supply',
    spentInSamples: true,
    spent: 0,
  },
  {
    check: 'thermal.radiatorArea',
    key: 'thermal.designMargin',
    covers: 'growth of the heat the radiator must reject',
    spentInSamples: true,
    spent: 0,
  },
  {
    check: 'radiation.dose',
    key: 'mission.radiationDesignMargin',
    covers: 'the trapped-particle model (AP-8/AE-8) against today’s environment; samples draw its field epoch',
    spentInSamples: true,
    spent: 1,
  },
];

/**
 * The design with its spendable margins spent (each DESIGN_MARGINS key with spentInSamples set to its `spent` value): a
 * sample of it is the node as built with the sampled quantities, checked against the allocations the design fixed
 * (array and radiator areas, launch allocation) and the chip's dose tolerance.
 */
export function spendMargins<D extends object>(d: D): D {
  const out = { ...d } as Record<string, unknown>;
  for (const m of DESIGN_MARGINS) {
    if (!m.spentInSamples) continue;
    const [section, field] = m.key.split('.') as [string, string];
    out[section] = { ...(out[section] as object), [field]: m.spent };
  }
  return out as D;
}

/**
 * Published roadmaps of the seed programmes, checked against a constellation's life (./life.ts): each a quantity
 * (working satellites at the end of a calendar year, or mean delivering IT power over it) the programme says it will
 * reach by then, and whether the design's life reaches it. A roadmap applies to the designs whose name starts with
 * its prefix (null: every design, a benchmark of scale). Sources, secondary reporting [S] (docs/sources.md §3):
 * - ADA Space / Zhejiang Lab Three-Body Computing Constellation: first 12 satellites launched 14 May 2025 on one
 *   Long March 2D (xatakaon.com 2025; SatNews, Feb 2026); "scaling to 2,800 satellites and 1,000 POPS … by 2032"
 *   (ADA Space roadmap, xatakaon.com 2025, reported again June 2026).
 * - China Aerospace Science and Technology Corporation (CASC): "gigawatt-scale space-based" computing infrastructure
 *   by 2030, in its 15th Five-Year Plan (January 2026, reported June 2026), the scale Beijing's Space Computing
 *   Industry Innovation Center (approved 3 June 2026, led by BUPT) is set up to serve.
 */
import type { LifeYear } from './life.js';

export interface Roadmap {
  readonly programme: string;
  readonly claim: string;
  readonly source: string;
  /** Designs whose name starts with this; null: every design. */
  readonly appliesTo: string | null;
  readonly year: number;
  readonly quantity: 'satellites' | 'itPower_W';
  readonly target: number;
}

const THREE_BODY = 'Three-Body Computing Constellation (ADA Space, Zhejiang Lab)';

export const ROADMAPS: readonly Roadmap[] = [
  {
    programme: THREE_BODY,
    claim: 'first 12 satellites launched 14 May 2025 on one Long March 2D',
    source: 'xatakaon.com 2025; SatNews, Feb 2026',
    appliesTo: 'three-body-12',
    year: 2025,
    quantity: 'satellites',
    target: 12,
  },
  {
    programme: THREE_BODY,
    claim: '2,800 satellites and 1,000 POPS by 2032',
    source: 'ADA Space roadmap, xatakaon.com 2025 (reported June 2026)',
    appliesTo: 'three-body-2800',
    year: 2032,
    quantity: 'satellites',
    target: 2800,
  },
  {
    programme: "CASC / Beijing's Space Computing Industry Innovation Center",
    claim: 'gigawatt-scale space-based computing infrastructure by 2030',
    source: 'CASC 15th Five-Year Plan, January 2026 (reported June 2026)',
    appliesTo: null,
    year: 2030,
    quantity: 'itPower_W',
    target: 1e9,
  },
];

export interface RoadmapCheck {
  readonly programme: string;
  readonly claim: string;
  readonly source: string;
  readonly year: number;
  readonly quantity: Roadmap['quantity'];
  readonly target: number;
  /** The life's figure in that year; null when the year is outside the life (before the first launch or past it). */
  readonly achieved: number | null;
  readonly met: boolean;
}

/** Each roadmap that applies to the design, against its life (years[k] is calendar year firstYear + k). */
export function roadmapChecks(name: string, firstYear: number, years: readonly LifeYear[]): RoadmapCheck[] {
  return ROADMAPS.filter((r) => r.appliesTo === null || name.startsWith(r.appliesTo)).map((r) => {
    const y = years[r.year - firstYear];
    const achieved = y === undefined ? null : r.quantity === 'satellites' ? y.inOrbit : y.itPower_W;
    const { programme, claim, source, year, quantity, target } = r;
    return { programme, claim, source, year, quantity, target, achieved, met: achieved !== null && achieved >= target };
  });
}

/**
 * A screen's events folded as they arrive, in memory bounded whatever the number of own satellites: totals at each
 * distance, events per catalogue object (at most the catalogue's size), and the listed events, the `cap` closest
 * below the threshold (ties by TCA, own satellite, NORAD number). Counts are sums and the listed events a total order's
 * first `cap`, so the result does not depend on the order in which workers return their shares.
 */
import type { Prepared, RawEvent } from '../../constellation/catalogue/screen.js';

/** Events listed at most unless asked otherwise (about 15 MB of JSON); totals and contributors count them all. */
export const MAX_LISTED_EVENTS = 100_000;

export class ScreenTally {
  /** Events below each distance of `totals_km`, in its order. */
  readonly totals: number[];
  /** Events below the threshold, listed or not. */
  below = 0;
  /** Events below the threshold by catalogue index. */
  readonly byObject = new Map<number, number>();
  private listed: RawEvent[] = [];

  constructor(
    private readonly cat: readonly Prepared[],
    readonly totals_km: readonly number[],
    private readonly threshold_km: number,
    readonly cap: number = MAX_LISTED_EVENTS,
  ) {
    this.totals = totals_km.map(() => 0);
  }

  add(events: Iterable<RawEvent>): void {
    for (const e of events) {
      this.totals_km.forEach((d, i) => {
        if (e.miss_m < d * 1000) this.totals[i]!++;
      });
      if (!(e.miss_m < this.threshold_km * 1000)) continue;
      this.below++;
      this.byObject.set(e.cat, (this.byObject.get(e.cat) ?? 0) + 1);
      this.listed.push(e);
      if (this.listed.length >= 2 * Math.max(1, this.cap)) this.trim();
    }
  }

  /** The listed events in TCA order (then own satellite, then NORAD number). */
  events(): RawEvent[] {
    this.trim();
    const norad = (e: RawEvent): number => this.cat[e.cat]!.set.norad;
    return [...this.listed].sort((a, b) => a.tca_ms - b.tca_ms || a.own - b.own || norad(a) - norad(b));
  }

  private trim(): void {
    if (this.listed.length <= this.cap) return;
    const norad = (e: RawEvent): number => this.cat[e.cat]!.set.norad;
    this.listed.sort((a, b) => a.miss_m - b.miss_m || a.tca_ms - b.tca_ms || a.own - b.own || norad(a) - norad(b));
    this.listed.length = this.cap;
  }
}

/**
 * The least cut through a shell's planes at one instant as a rate per node [b/s], over every proper subset A of the
 * planes (not only runs of neighbours): gap q (plane q to q + 1, the seam after the last) is cut when exactly one of
 * its planes is in A, and λ ≤ cut / (|A|·|B|) satellites, rate = λ·(N − 1). An oracle written from the cut's
 * definition, independent of the models' own bounds.
 */
export function leastPlaneCut_bps(P: number, S: number, gap_bps: readonly number[]): number {
  let best = Infinity;
  for (let m = 1; m < (1 << P) - 1; m++) {
    const inA = (q: number): boolean => ((m >> q) & 1) === 1;
    let cut = 0,
      size = 0;
    for (let q = 0; q < P; q++) {
      if (inA(q)) size++;
      if (inA(q) !== inA((q + 1) % P)) cut += gap_bps[q]!;
    }
    best = Math.min(best, cut / (size * S * (P - size) * S));
  }
  return best * (P * S - 1);
}

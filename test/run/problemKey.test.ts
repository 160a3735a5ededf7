import { describe, expect, it } from 'vitest';
import { problemKey } from '../../src/run/problemKey.js';

// Two studies share a key exactly when a design evaluates alike in both. The seed steers the search, except where a
// robust section without its own seed draws its samples from it (src/study/robust.ts).
const study = (algorithm: string, robust = ''): string =>
  `design: ../ai1.yaml\nalgorithm:\n  name: nsga2\n${algorithm}objectives:\n  - cost.perPflopDay\n${robust}`;

describe('problemKey', () => {
  it('ignores the search seed of a study without robust samples', () => {
    expect(problemKey(study('  seed: 1\n'))).toBe(problemKey(study('  seed: 2\n')));
  });

  it('keeps the search seed where the robust samples default to it, and not where they name their own', () => {
    const robust = 'robust:\n  samples: 16\n';
    expect(problemKey(study('  seed: 1\n', robust))).not.toBe(problemKey(study('  seed: 2\n', robust)));
    const own = 'robust:\n  samples: 16\n  seed: 7\n';
    expect(problemKey(study('  seed: 1\n', own))).toBe(problemKey(study('  seed: 2\n', own)));
  });

  it('tells studies with different objectives apart', () => {
    expect(problemKey(study('  seed: 1\n'))).not.toBe(problemKey(study('  seed: 1\n').replace('perPflopDay', 'total')));
  });
});

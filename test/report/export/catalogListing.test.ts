import { describe, expect, it } from 'vitest';
import { formatCatalog, formatMetrics } from '../../../src/index.js';

describe('odc catalog: the figures a row is chosen by', () => {
  it('chips: peak TFLOPS, power, mass, cost and dose tolerance beside the id (H100: 989 TFLOPS BF16, 700 W, NVIDIA datasheet)', () => {
    const text = formatCatalog('chips');
    const lines = text.split('\n');
    expect(lines[1]).toMatch(
      /^ {2}id +peakTFLOPS +chipPower \[W\] +systemPowerPerChip \[W\] +massPerChip \[kg\] +costPerChip \[USD\] +tidTolerance \[rad\] +year +name$/,
    );
    const h100 = lines.find((l) => l.startsWith('  h100 '))!;
    expect(
      h100
        .trim()
        .split(/\s{2,}/)
        .slice(1, 3),
    ).toEqual(['989', '700']);
    expect(h100).toContain('NVIDIA H100');
  });

  it('launch vehicles: payload, price and fairing volume; distributions stay under their row', () => {
    const text = formatCatalog('launch-vehicles');
    expect(text).toMatch(/payloadLeo \[kg\].*price \[USD\].*fairingVolume \[m³\]/);
    expect(text).toMatch(/\n {2}falcon-9-expendable .*\n\s+price_USD ~ uniform\(90000000, 120000000\)/);
  });
});

describe('odc metrics: path, unit and what it means', () => {
  it("node metrics carry the record schema's description without repeating the unit", () => {
    const line = formatMetrics('node')
      .split('\n')
      .find((l) => l.startsWith('orbit.period_min '))!;
    expect(line).toMatch(/^orbit\.period_min +\[min\] +Orbital period\.$/);
    const rate = formatMetrics('node')
      .split('\n')
      .find((l) => l.startsWith('cost.discountRate_per_yr '))!;
    expect(rate).toMatch(/\[1\/yr\] +Discount rate/);
  });

  it('every node metric has a description', () => {
    const bare = formatMetrics('node')
      .trimEnd()
      .split('\n')
      .filter((l) => !/\]\s+\S/.test(l));
    expect(bare).toEqual([]);
  });
});

/**
 * samples.csv is written in pieces, never as one string: V8 caps a string at ~512 MB, which a million samples of
 * every record metric pass ("Invalid string length"). Checked on a hand-made analysis whose rows are known.
 */
import { describe, expect, it } from 'vitest';
import { samplesCsv, writeSamplesCsv } from '../../src/analysis/uncertaintyReport.js';
import type { UncertaintyAnalysis } from '../../src/analysis/uncertainty.js';
import { odc } from '../helpers/cli.js';

const n = 20_000;
const analysis = {
  model: { constraints: [], metricPaths: ['mass.launch_kg'], width: 1 },
  inputs: [{ path: 'economics.launchCost_USD_per_kg' }],
  outcomes: Array.from({ length: n }, (_, i) =>
    i % 1000 === 7
      ? { status: 'failed', reason: 'radiator does not close' }
      : { status: 'ok', y: Float64Array.of(i + 0.25) },
  ),
  values: Array.from({ length: n }, (_, i) => [i * 2]),
} as unknown as UncertaintyAnalysis;

describe('samples.csv', () => {
  it('arrives in bounded pieces that add up to the rows written by hand', () => {
    const chunks: string[] = [];
    writeSamplesCsv(analysis, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length).toBeLessThan(70_000);
    const lines = chunks.join('').split('\n');
    expect(lines[0]).toBe('sample,status,reason,economics.launchCost_USD_per_kg,mass.launch_kg');
    expect(lines[1]).toBe('0,ok,,0,0.25');
    expect(lines[8]).toBe('7,failed,radiator does not close,14,');
    expect(lines[n]).toBe(`${n - 1},ok,,${2 * (n - 1)},${n - 1 + 0.25}`);
    expect(lines).toHaveLength(n + 2); // header, n rows, the empty string after the last newline
    expect(samplesCsv(analysis)).toBe(chunks.join(''));
    // the whole text, row by row as the header says
    const rows = Array.from({ length: n }, (_, i) =>
      i % 1000 === 7 ? `${i},failed,radiator does not close,${2 * i},` : `${i},ok,,${2 * i},${i + 0.25}`,
    );
    expect(chunks.join('')).toBe(`${lines[0]}\n${rows.join('\n')}\n`);
    // a piece is cut at the first row that takes it to 65,536 characters (rows here are under 60)
    for (const c of chunks.slice(0, -1)) expect(c.length - 65_536).toSatisfy((over: number) => over >= 0 && over < 60);
  });

  it('has a margin and a holds column per constraint, after the metrics', () => {
    const withConstraints = {
      model: { constraints: [{ name: 'cap' }, { name: 'floor' }], metricPaths: ['rank'], width: 5 },
      inputs: [{ path: 'economics.u' }],
      outcomes: [
        { status: 'ok', y: Float64Array.of(26, 0.675, 2, 1, 1) },
        { status: 'failed', reason: 'rank too high' },
      ],
      values: [[0.255], [0.995]],
    } as unknown as UncertaintyAnalysis;
    expect(samplesCsv(withConstraints)).toBe(
      'sample,status,reason,economics.u,rank,margin.cap,margin.floor,holds.cap,holds.floor\n' +
        '0,ok,,0.255,26,0.675,2,1,1\n' +
        '1,failed,rank too high,0.995,,,,,\n',
    );
  });

  it('--samples above 100,000 exits 2 with the reason', async () => {
    const r = await odc('uncertainty', 'designs/ai1-uncertainty.yaml', '--samples', '10000000');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--samples 10000000 is too many: at most 100000 \(each sample keeps every record metric in memory/,
    );
  });
});

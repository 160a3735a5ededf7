/**
 * CSV injection: every CSV cell odc writes that carries text has its formula prefix
 * (=, +, -, @, TAB, CR) neutralised per the OWASP CSV-injection guidance — a leading single quote and
 * the cell quoted — while numbers (negative ones included) stay numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSatelliteCsv, type ExportableConstellation } from '../../src/constellation/export/exportSatellites.js';
import { csvCell, csvText } from '../../src/base/csv.js';
import { paretoCsv } from '../../src/run/results.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { odc } from '../helpers/cli.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../report/helpers.js';

const HOSTILE = `=cmd|' /C calc'!A0`;

/** RFC 4180 row split (quoted cells may hold commas, quotes and line breaks). */
function cells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else s += line[i++]!;
      }
      out.push(s);
      i++; // the comma
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** What a spreadsheet would take as a formula: an unquoted-content cell starting with a formula prefix. */
const isFormula = (cell: string): boolean =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell);

describe('csvCell / csvText', () => {
  it.each(['=1+1', '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', HOSTILE])('neutralises %j', (s) => {
    const c = csvText(s);
    expect(c.startsWith(`"'`)).toBe(true);
    expect(cells(c)).toEqual([`'${s}`]);
    expect(csvCell(s)).toBe(c);
  });

  it('leaves numbers and plain text alone', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-1.5e-7)).toBe('-1.5e-7');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+1.5e3')).toBe('+1.5e3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell('gb300')).toBe('gb300');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\rb')).toBe('"a\rb"');
  });
});

describe('CSV writers', () => {
  it('pareto.csv neutralises text cells, keeps negative numbers numeric', () => {
    const file = {
      formatVersion: 1,
      study: 's',
      kind: 'benchmark',
      objectives: [{ name: 'f1', sense: 'minimize', unit: '' }],
      variables: [
        { kind: 'choice', name: 'x', options: [HOSTILE, '@evil'] },
        { kind: 'real', name: 'y', lower: -10, upper: 10 },
      ],
      designs: [
        { index: 0, variables: { x: HOSTILE, y: -3.5 }, objectives: { f1: -2 }, record: null },
        { index: 1, variables: { x: '@evil', y: 1 }, objectives: { f1: 1 }, record: null },
      ],
    } as unknown as ParetoFile;
    const rows = paretoCsv(file).trimEnd().split('\n').map(cells);
    expect(rows[1]).toEqual(['0', `'${HOSTILE}`, '-3.5', '-2']);
    expect(rows[2]).toEqual(['1', `'@evil`, '1', '1']);
    for (const r of rows) for (const c of r) expect(isFormula(c), c).toBe(false);
  });

  it('the satellite CSV neutralises hostile shell and constellation names', () => {
    const spec = {
      name: '+evil',
      window: { epochIso: '2026-03-20T00:00:00Z' },
      shells: [
        {
          geometry: {
            name: '=HYPERLINK("x")',
            altitude_m: 550e3,
            inclination_rad: 0.9,
            sunSynchronous: false,
            ltan_h: null,
            planes: 1,
            satsPerPlane: 2,
            pattern: 'walker-delta',
            phasing: 1,
            ltanBand_h: 0,
            raan0_rad: 0.1,
            clusterRadius_m: 0,
          },
        },
      ],
    } as unknown as ExportableConstellation;
    const out: string[] = [];
    writeSatelliteCsv(spec, (c) => out.push(c));
    const rows = out
      .join('')
      .split('\r\n')
      .filter((l) => l !== '')
      .map(cells);
    expect(rows[1]![0]).toBe(`'=HYPERLINK("x")`);
    expect(rows[1]![3]!.startsWith(`'+evil`)).toBe(true);
    for (const r of rows) for (const c of r) expect(isFormula(c), c).toBe(false);
  });

  it('odc export --format csv neutralises a hostile design name (stdout and --out)', async () => {
    const dir = tempDir('csvinj');
    const run = await tinyRun(dir, FLAGSHIP, FLAGSHIP_ALGORITHM, { name: HOSTILE, out: 'run' });
    const r = await odc('export', run, '--design', 'knee', '--format', 'csv');
    expect(r.code, r.err).toBe(0);
    const [head, row] = r.out.trimEnd().split('\n').map(cells) as [string[], string[]];
    expect(head).toHaveLength(row.length);
    expect(row[head.indexOf('name')]).toBe(`'${HOSTILE}`);
    for (const c of [...head, ...row]) expect(isFormula(c), c).toBe(false);
    // numbers stay numbers
    expect(row.filter((c) => /^-?\d/.test(c)).length).toBeGreaterThan(10);
    const out = join(dir, 'knee.csv');
    expect((await odc('export', run, '--design', 'knee', '--format', 'csv', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.out);
  });
});

/**
 * The CSV export's record splitter (src/serve/app/export.ts csvRecords): a log's records as the file holds them, a
 * quoted field keeping its commas, doubled quotes and line ends (a failed design's reason may hold any of them).
 */
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/serve/app/export.js';

describe('csvRecords', () => {
  it('cuts at line ends outside quotes only, keeping each record verbatim', () => {
    const text = 'eval,status,reason\n0,failed,"thermal: no, ""root"" found\nat 1e3"\n1,feasible,\r\n2,feasible,';
    expect(csvRecords(text)).toEqual([
      'eval,status,reason',
      '0,failed,"thermal: no, ""root"" found\nat 1e3"',
      '1,feasible,',
      '2,feasible,',
    ]);
    expect(csvRecords('')).toEqual([]);
    expect(csvRecords('a\n')).toEqual(['a']);
  });
});

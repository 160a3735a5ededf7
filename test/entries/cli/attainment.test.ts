// odc attainment on a CSV in R eaf's layout: the surfaces worked by hand in
// test/optimize/indicators/attainment.test.ts (three two-point fronts, 50 % surface (2,4), (3,3), (4,2)), the JSON
// layout, and bad input as one odc: line with exit code 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = tempDir('odc-attainment-');
const csv = join(dir, 'fronts.csv');
writeFileSync(csv, 'cost,mass,set\n1,4,1\n3,2,1\n2,3,2\n4,1,2\n2,5,3\n5,2,3\n');

describe('odc attainment', () => {
  it('prints the 50 % surface of three two-point fronts as JSON', async () => {
    const r = await odc('attainment', csv, '--levels', '50', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { levels: { level: number; points: number[][] }[]; objectives: { name: string }[] };
    expect(j.levels).toEqual([
      {
        level: 50,
        attainedBy: 2,
        points: [
          [2, 4],
          [3, 3],
          [4, 2],
        ],
      },
    ]);
    expect(j.objectives.map((o) => o.name)).toEqual(['cost', 'mass']);
  });
  it('prints every default level as text', async () => {
    const r = await odc('attainment', csv);
    expect(r.code).toBe(0);
    expect(r.out).toContain('50 % (attained by at least 2 of 3 sets): 3 points');
    expect(r.out).toContain('100 % (attained by at least 3 of 3 sets): 2 points');
  });
  it('refuses a level outside 0–100, a bad cell and too many objectives with one odc: line, exit 2', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '1,4,1\n3,x,1\n');
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, '1,2,3,4,1\n2,1,3,4,2\n');
    for (const [args, what] of [
      [[csv, '--levels', '120'], /--levels/],
      [[bad], /bad\.csv:2: column 2 is "x"/],
      [[wide], /--objectives/],
      [[csv, '--objectives', 'cost,volume'], /"volume" is not an objective/],
    ] as const) {
      const r = await odc('attainment', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(what);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err.startsWith('odc:')).toBe(true);
    }
  });
});

/**
 * `odc evaluate --set` and `odc diff` (src/entries/cli/whatIf.ts). An edit is checked as the file is: an unknown key
 * or a key in another unit exits 2 with a message naming the edit and the key meant. A valid edit gives exactly the
 * record of the file edited by hand (written in a temp folder, independently of --set). A file against itself differs
 * nowhere; two files one launch price apart differ in the launch line by the price step × the mass the node pays for
 * (src/models/cost/cost.ts: launch = price × max(allocated, built-up mass)). A run's design (`RUN:knee`) compares with
 * the file `odc export` writes for it: the same physical record (export.ts: "its physical record is exactly the one
 * stored in pareto.json"), so no budget line differs, and the study's constraints (the file's requirements) are
 * values on both sides. Numbers within the stated relative tolerance (--tolerance, default 1e-9) count as the same:
 * two files a launch price 2e-10 apart differ by float-sized amounts only, which --tolerance 0 lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { exportDesign } from '../../../src/run/export/export.js';
import type { DesignDiff } from '../../../src/report/compare/designDiff.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tinyRun } from '../../report/helpers.js';

const AI1 = 'designs/ai1.yaml';
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const dir = tempDir('odc-whatif-');
const ai1Text = readFileSync(AI1, 'utf8');

/** designs/ai1.yaml with one value replaced in its text, written to the temp folder. */
function editedCopy(name: string, from: string, to: string): string {
  expect(ai1Text).toContain(from);
  return writeFile(dir, name, ai1Text.replace(from, to));
}

async function diffJson(a: string, b: string): Promise<DesignDiff> {
  const r = await odc('diff', a, b, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as DesignDiff;
}

describe('odc evaluate --set', () => {
  it('an unknown key: exit 2, the edit named, the key it resembles suggested', async () => {
    const r = await odc('evaluate', AI1, '--set', 'orbit.altitdue_km=550');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`odc: ${AI1}, --set orbit.altitdue_km=550: unknown key orbit.altitdue_km`);
    expect(r.err).toContain('did you mean altitude_km?');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a key in another unit: exit 2, the key in the unit the field takes', async () => {
    const r = await odc('evaluate', AI1, '--set', 'orbit.altitude_m=550000');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${AI1}, --set orbit.altitude_m=550000: unknown key orbit.altitude_m`);
    expect(r.err).toContain('altitude is given in kilometres: did you mean orbit.altitude_km?');
  });

  it('a value outside the validity range and an unknown catalog id: exit 2, the edit named', async () => {
    const low = await odc('evaluate', AI1, '--set', 'orbit.altitude_km=100');
    expect(low.code).toBe(2);
    expect(low.err).toContain(`${AI1}, --set orbit.altitude_km=100: orbit.altitude_km is outside`);
    const chip = await odc('evaluate', AI1, '--set', 'compute.chip=b20');
    expect(chip.code).toBe(2);
    expect(chip.err).toContain(`${AI1}, --set compute.chip=b20: compute.chip names "b20"`);
    expect(chip.err).toContain('did you mean b200?');
  });

  it('a valid edit gives the record of the file edited by hand, and what it changes against the file', async () => {
    const edited = editedCopy('ai1-550.yaml', 'altitude_km: 600,', 'altitude_km: 550,');
    const byHand = await odc('evaluate', edited, '--json');
    expect(byHand.code).toBe(0);
    const set = await odc('evaluate', AI1, '--set', 'orbit.altitude_km=550', '--json');
    expect(set.code).toBe(0);
    const both = JSON.parse(set.out);
    expect(both.sets).toEqual(['orbit.altitude_km=550']);
    expect(both.edited).toEqual(JSON.parse(byHand.out));
    expect(both.file).toEqual(JSON.parse((await odc('evaluate', AI1, '--json')).out));
    const altitude = (both.diff as DesignDiff).lines.find((l) => l.label === 'altitude')!;
    expect([altitude.a, altitude.b, altitude.delta]).toEqual(['600', '550', -50]);

    // the text: the changed figures first, then the budget odc evaluate prints for the edited file
    const text = await odc('evaluate', AI1, '--set', 'orbit.altitude_km=550');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^What the edits change \(A: the file, B: the file with the edits\)\n/);
    expect(text.out).toMatch(/\n {2}altitude +600 +550 +−50 +−8\.3 % +km\n/);
    const plain = (await odc('evaluate', edited)).out;
    expect(text.out.endsWith(plain)).toBe(true);
  });

  it('a constellation file takes edits too: a shell altitude', async () => {
    const file = 'designs/constellations/three-body-12.yaml';
    const r = await odc('evaluate', file, '--set', 'shells.0.altitude_km=550', '--json');
    expect(r.code).toBe(0);
    const both = JSON.parse(r.out);
    expect(both.file.shells[0].altitude_km).toBe(500);
    expect(both.edited.shells[0].altitude_km).toBe(550);
    const line = (both.diff as DesignDiff).lines.find((l) => l.label === 'batch-1: altitude')!;
    expect(line.delta).toBe(50);
  }, 120_000);
});

describe('odc diff', () => {
  it('a file against itself: every difference 0, nothing changes', async () => {
    const d = await diffJson(AI1, AI1);
    expect(d.lines.length).toBeGreaterThan(80);
    for (const l of d.lines) {
      expect(l.changed, l.label).toBe(false);
      if (l.delta !== null) expect([l.delta, l.relative], l.label).toEqual([0, 0]);
    }
    for (const c of d.constraints) expect([c.delta, c.changed]).toEqual([0, false]);
    const text = await odc('diff', AI1, AI1);
    expect(text.out).toContain(
      '\nNo difference: every budget line and constraint is the same (numbers within a relative 1e-9 of each other count as the same).\n',
    );
  });

  it('differences below the stated tolerance are not differences; --tolerance 0 lists them', async () => {
    const a = editedCopy('launch-tol-a.yaml', 'economics: { ', 'economics: { launchCost_USD_per_kg: 500, ');
    const b = editedCopy('launch-tol-b.yaml', 'economics: { ', 'economics: { launchCost_USD_per_kg: 500.0000001, ');
    // 1e-7 of 500 USD/kg: a relative 2e-10, under the default 1e-9
    const quiet = await odc('diff', a, b, '--changed');
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain(
      'No difference: every budget line and constraint is the same (numbers within a relative 1e-9',
    );
    const d = await diffJson(a, b);
    expect(d.tolerance).toBe(1e-9);
    expect(d.lines.filter((l) => l.changed)).toEqual([]);
    const loud = await odc('diff', a, b, '--changed', '--tolerance', '0');
    expect(loud.out).toMatch(/\n {2}launch +[\d.]+ +[\d.]+ +\+/);
    expect(loud.out).toContain('(numbers within a relative 0 of each other count as the same)');
    const record = JSON.parse((await odc('evaluate', a, '--json')).out);
    const paid_kg = Math.max(record.mass.allocated_kg, record.mass.launch_kg);
    const launch = (JSON.parse((await odc('diff', a, b, '--json', '--tolerance', '0')).out) as DesignDiff).lines.find(
      (l) => l.section === 'Cost' && l.label === 'launch',
    )!;
    expect(launch.changed).toBe(true);
    expect(launch.delta).toBeCloseTo((1e-7 * paid_kg) / 1e6, 12); // M USD
    const bad = await odc('diff', a, b, '--tolerance', '-1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--tolerance must be a relative tolerance ≥ 0');
  });

  it('two files a launch price apart: the launch line differs by the price step × the paid mass', async () => {
    const a = editedCopy('launch-500.yaml', 'economics: { ', 'economics: { launchCost_USD_per_kg: 500, ');
    const b = editedCopy('launch-600.yaml', 'economics: { ', 'economics: { launchCost_USD_per_kg: 600, ');
    const d = await diffJson(a, b);
    const record = JSON.parse((await odc('evaluate', a, '--json')).out);
    const paid_kg = Math.max(record.mass.allocated_kg, record.mass.launch_kg);
    const launch = d.lines.find((l) => l.section === 'Cost' && l.label === 'launch')!;
    expect(launch.delta).toBeCloseTo((100 * paid_kg) / 1e6, 9); // M USD
    expect(launch.relative).toBeCloseTo(0.2, 12);
    // only --changed: the launch line is there, the unchanged altitude line is not
    const changed = await odc('diff', a, b, '--changed');
    expect(changed.out).toMatch(/\n {2}launch +[\d.]+ +[\d.]+ +\+[\d.]+ +\+20 % +M USD\n/);
    expect(changed.out).not.toMatch(/\n {2}altitude /);
  });

  it('an operand that is neither a file nor a run design: exit 2 with the forms', async () => {
    const r = await odc('diff', AI1, join(dir, 'nope.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no such design file, nor a run folder');
    expect(r.err).toContain('RUNFOLDER:knee');
  });

  describe('run designs', () => {
    let run: string;
    beforeAll(async () => {
      run = await tinyRun(dir, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
    }, 600_000);

    it('RUN:knee against itself is all zeros; against its exported file no budget line differs', async () => {
      const self = await diffJson(`${run}:knee`, `${run}:knee`);
      expect(self.lines.filter((l) => l.changed)).toEqual([]);

      const file = join(dir, 'knee.yaml');
      const picked = exportDesign(run, { design: 'knee', format: 'yaml', out: file });
      const d = await diffJson(`${run}:knee`, file);
      expect(d.a).toBe(`${run}:knee (design ${picked.design.index})`);
      expect(d.lines.filter((l) => l.changed)).toEqual([]);
      // the physical checks and the study's constraints (the file's requirements) are values on both sides, equal
      expect(d.constraints.filter((c) => c.a === null || c.b === null)).toEqual([]);
      for (const c of d.constraints) expect(c.changed, c.name).toBe(false);
      const isl = d.constraints.find((c) => c.name === 'isl.capacity_Gbps >= 400')!;
      const knee = readJson(join(run, 'pareto.json')).designs.find(
        (x: { index: number }) => x.index === picked.design.index,
      );
      expect([isl.a, isl.b]).toEqual([knee.record.isl.capacity_Gbps, knee.record.isl.capacity_Gbps]);
      expect(isl.limitA).toBe('>= 400');

      // by index: the same design
      const byIndex = await diffJson(`${run}:${picked.design.index}`, `${run}:knee`);
      expect(byIndex.lines.filter((l) => l.changed)).toEqual([]);
    });
  });
});

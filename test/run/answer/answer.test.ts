import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { odc } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { runShortFlagshipSeeds } from '../../helpers/shortFlagshipSeeds.js';
import { answerSchema } from '../../../src/run/answer/schema.js';
import { readAnswer } from '../../../src/run/answer/read.js';
import { buildAnswer } from '../../../src/run/answer/answer.js';
import { loadRun } from '../../../src/run/loadRun.js';
import { jointCardText } from '../../../src/report/decision/answerCard.js';

/** answer.json of a run folder, checked against its schema (the zod one, from which the JSON Schema is generated). */
function validAnswer(dir: string) {
  const raw: unknown = JSON.parse(readFileSync(join(dir, 'answer.json'), 'utf8'));
  const parsed = answerSchema().safeParse(raw);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return readAnswer(dir)!;
}

/** A short run of a shipped study into a fresh folder, with its answer. */
async function shortRun(study: string, ...sets: string[]) {
  const dir = join(tempDir('odc-answer-'), 'run');
  const r = await odc(
    'run',
    `designs/${study}.yaml`,
    '--seeds',
    '1',
    '-q',
    '-o',
    dir,
    ...sets.flatMap((s) => ['--set', s]),
  );
  expect(r.err).toBe('');
  return { dir, answer: validAnswer(dir), out: r.out };
}

describe('answer.json', () => {
  it('a one-seed node run writes a valid record that the terminal, report and export read', async () => {
    const { dir, answer, out } = await shortRun(
      'flagship-study',
      'algorithm.population=40',
      'algorithm.generations=6',
      'select={}',
    );
    expect(answer.kind).toBe('node');
    expect(answer.seeds).toHaveLength(1);
    if (answer.design !== null) {
      // the terminal card prints the record's design
      expect(out).toContain(`design ${answer.design.index}`);
      // report.md opens with it
      expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(`design ${answer.design.index}`);
      // the cost bridge's factors multiply out: each step's value = the previous × its factor
      for (const [i, s] of answer.costBridge.entries())
        if (i > 0 && s.factor !== null) expect(s.value).toBeCloseTo(answer.costBridge[i - 1]!.value * s.factor, 9);
      const e = await odc('export', dir, '--design', 'knee', '--format', 'json');
      expect(JSON.parse(e.out).index ?? answer.design.index).toBe(answer.design.index);
    }
  }, 300_000);

  it('the robust study and the constellation study write valid records', async () => {
    const robust = await shortRun('robust-study', 'algorithm.population=12', 'algorithm.generations=2');
    expect(robust.answer.kind).toBe('node');
    const constellation = await shortRun('constellation-study', 'algorithm.population=8', 'algorithm.generations=2');
    expect(constellation.answer.kind).toBe('constellation');
    if (constellation.answer.design !== null) expect(constellation.answer.constellation).toBeDefined();
  }, 600_000);

  it("the main job's seeds each write a valid record, and the multi-seed folder its own", () => {
    const dir = tempDir('odc-answer-seeds-');
    const r = runShortFlagshipSeeds(dir);
    expect(r.stderr).toBe('');
    for (const seed of [43, 44]) {
      const seedDir = join(dir, 'multi', `seed-${seed}`);
      expect(existsSync(join(seedDir, 'answer.json'))).toBe(true);
      expect(validAnswer(seedDir).seeds).toEqual([seed]);
    }
    // the run reuses its decision's samples and compiled study; decided again from the folder alone (study.yaml
    // compiled, every P(all hold) sampled afresh), the record is the same (seed 43 has a knee with samples)
    const seed43 = join(dir, 'multi', 'seed-43');
    const again = buildAnswer(loadRun(seed43, { evaluations: false }));
    expect(again.robustness?.designs[0]?.joint).toBeTruthy();
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(readFileSync(join(seed43, 'answer.json'), 'utf8')));
    const multi = validAnswer(join(dir, 'multi'));
    expect(multi.seeds).toEqual([43, 44]);
    // each seed's pick (seed 44 finds no feasible design at this budget: none), and whether they agree
    expect(multi.seedAgreement?.knees.map((k) => k.seed)).toEqual([43]);
    expect(multi.seedAgreement?.agree).toBe(false);
    // the union front's hypervolume, then each seed's on the same stated normalization; the union holds every
    // seed's front, so no seed's front dominates more of the box than it
    const [union, ...bySeed] = multi.hypervolumes;
    expect(union?.scope).toBe('union front');
    expect(union?.normalization).toMatch(/^union front of \d+ designs; .* reference point 1\.1 in every objective$/);
    for (const h of bySeed) {
      expect(h.normalization).toBe(union!.normalization);
      expect(h.value).toBeLessThanOrEqual(union!.value + 1e-12);
    }
    // the terminal prints the card of that record, every line in 80 columns
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
    if (multi.design !== null) {
      expect(r.stdout).toContain(`design ${multi.design.index} (seed ${multi.design.seed})`);
      expect(lines.some((l) => /^ {2}P\(all hold\) {2,}/.test(l))).toBe(true);
    }
    // each seed's report says at its top which design is the run's answer, with its P(all hold)
    for (const seed of [43, 44]) {
      const md = readFileSync(join(dir, 'multi', `seed-${seed}`, 'report.md'), 'utf8').replace(/\\/g, '');
      const top = md.slice(0, md.indexOf('\n## '));
      expect(top).toContain(`This run is seed ${seed} of a multi-seed run (seeds 43, 44): the run's answer `);
      if (multi.design !== null) {
        expect(top).toContain(`is design ${multi.design.index} of seed ${multi.design.seed}`);
        expect(top).toContain(`with P(all hold) ${jointCardText(multi)}`);
      }
    }
  }, 300_000);
});

/**
 * The explorer's header for a multi-seed run: a seed folder served shows the answer of the run it belongs to (the
 * union front's knee in <out>/seeds.json), once, above that seed's own knee, which is labelled as not the run's
 * answer. The seeds.json here is written by hand from a real seed run's decision with its knee renamed (design 987654
 * of seed 5), so a header that shows the seed's own knee where the run's answer belongs fails.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServedRun } from '../../src/serve/runData.js';
import { multiSeedAnswerOf } from '../../src/serve/runSummary.js';
import { environmentOf } from '../../src/serve/answerFile.js';
import { runSummariesHtml } from '../../src/serve/app/runSummaries.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../report/helpers.js';

let out = '';
let seedDir = '';

beforeAll(async () => {
  out = join(tempDir('seeds-header'), 'multi');
  mkdirSync(out, { recursive: true });
  seedDir = await tinyRun(out, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'seed-42' });
  const meta = JSON.parse(readFileSync(join(seedDir, 'run.json'), 'utf8')) as {
    decision: { designs: { index: number; seed?: number }[] };
  };
  const decision = structuredClone(meta.decision);
  decision.designs[0]!.index = 987654;
  decision.designs[0]!.seed = 5;
  const seeds = [
    { seed: 5, runDir: 'seed-5' },
    { seed: 42, runDir: 'seed-42' },
  ];
  writeFileSync(join(out, 'seeds.json'), JSON.stringify({ formatVersion: 2, seeds, decision }));
}, 120_000);

describe("the explorer's header for a seed of a multi-seed run", () => {
  it("shows the run's answer from seeds.json once, and the seed's own knee as not the answer", () => {
    const info = new ServedRun(0, seedDir).info();
    expect(info.runAnswer!.source).toBe('multi/seeds.json: the knee of the union front of seeds 5, 42');
    expect(info.runAnswer!.lines[0]).toContain('design 987654 of seed 5 ');
    expect(info.decision[0]).not.toContain('987654');
    const html = runSummariesHtml([info, { ...info, id: 1 }]);
    expect(html.match(/data-testid="run-answer"/g)).toHaveLength(1);
    // esc writes ' as &#39;
    const own = /this seed&#39;s own knee, not the run&#39;s answer/g;
    expect(html.match(own)).toHaveLength(2);
    expect(html.indexOf('design 987654 of seed 5')).toBeLessThan(html.search(own));
  });

  it("the Environment panel states the run's answer's traffic (the multi-seed folder's answer.json), once", () => {
    expect(environmentOf(out)).toBeNull(); // the multi-seed folder has no answer.json yet
    copyFileSync(join(seedDir, 'answer.json'), join(out, 'answer.json'));
    const info = new ServedRun(0, seedDir).info();
    expect(info.environment!.source).toBe('multi/answer.json');
    const html = runSummariesHtml([info, { ...info, id: 1 }]);
    expect(html.match(/data-testid="environment"/g)).toHaveLength(1);
    expect(html).toContain('approaches &#60; 5 km per satellite-year (estimate, ±30 %)');
    expect(html).toMatch(/\d+–\d+ km: [\d,]+ objects/);
  });

  it('a folder seeds.json does not list, or no seeds.json, has no run answer', () => {
    expect(multiSeedAnswerOf(join(out, 'seed-7'))).toBeNull();
    expect(multiSeedAnswerOf(out)).toBeNull();
  });
});

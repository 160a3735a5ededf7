/**
 * odc sensitivity compares on the run's verdict basis: the knee a small flagship run recommends, exported as a design
 * file (`odc export <run> --design knee`), gets from the sensitivity model at its nominal inputs the verdict ratio the
 * run's answer states for it in run.json (the programme's discounted LCOC over economics.baseline's). A bug this
 * catches: a comparison on another basis (first unit, undiscounted, or another terrestrial model) gives another ratio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDesign, sampleModel } from '../../src/analysis/model.js';
import { exportDesign } from '../../src/run/export/export.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../report/helpers.js';

const dir = tempDir('verdict-basis');

interface Verdict {
  baseline: string;
  spaceToTerrestrial: number;
}

describe("odc sensitivity on the run's verdict basis", () => {
  let run: string;
  beforeAll(async () => {
    run = await tinyRun(dir, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
  }, 600_000);

  it("the exported knee's LCOC over the ground's at nominal is the run's verdict ratio for it", () => {
    const knee = (
      JSON.parse(readFileSync(join(run, 'run.json'), 'utf8')) as {
        decision: { designs: { baseline: string; verdicts: Verdict[] }[] };
      }
    ).decision.designs[0]!;
    const said = knee.verdicts.find((v) => v.baseline === knee.baseline)!.spaceToTerrestrial;
    expect(said).toBeGreaterThan(0);
    const file = join(dir, 'knee.yaml');
    exportDesign(run, { design: 'knee', format: 'yaml', out: file });
    const model = sampleModel(loadDesign(file));
    const o = model.nominal;
    if (o.status !== 'ok') throw new Error(o.reason);
    const ratio = o.y[model.column(model.comparison!.lcoc)]! / o.y[model.column(model.comparison!.terrestrial)]!;
    // the export writes the knee's values as numbers in YAML: the same design, so the same ratio to rounding
    expect(ratio).toBeWithinRelative(said, 1e-9);
    expect(model.comparison!.description).toContain(knee.baseline);
  });
});

import { describe, expect, it } from 'vitest';
import { parseDesignFile } from '../../src/node/design/load.js';
import { parseStudyFile } from '../../src/study/studyFile.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-studyfile-');
const STUDY = [
  'name: s',
  'orbit: { altitude_km: 650 }',
  'variables: { power.arrayArea_m2: [300, 900] }',
  'objectives: [{ minimize: cost.lcoc_USD_per_PFLOP_day }]',
  'relax: [radiation.dose]',
  'select: { minMargin: 0.05 }',
].join('\n');

describe('a node study file: its design read by the node layer, its study sections here', () => {
  it('gives the study (design and sections) and its design without the sections', () => {
    const f = writeFile(dir, 'study.yaml', `${STUDY}\nalgorithm: { name: nsga3, partitions: 6 }\n`);
    const loaded = parseStudyFile(f);
    if (loaded.kind !== 'node-study') throw new Error(`read as ${loaded.kind}`);
    expect(loaded.study.orbit.altitude_km).toBe(650);
    expect(loaded.study.algorithm).toMatchObject({ name: 'nsga3', partitions: 6, population: 100 });
    expect(loaded.study.relax).toEqual(['radiation.dose']);
    expect(loaded.study.constraints).toEqual([]); // the section's default
    expect(loaded.design.orbit.altitude_km).toBe(650);
    for (const section of ['variables', 'objectives', 'constraints', 'relax', 'algorithm', 'robust', 'select'])
      expect(loaded.design).not.toHaveProperty(section);
  });

  it('a study-section error is the study reader’s, at its line; the base design still reads', () => {
    const f = writeFile(dir, 'bad-setting.yaml', `${STUDY}\nalgorithm: { name: nsga2, partitions: 6 }\n`);
    const e = studyErrorOf(() => parseStudyFile(f));
    expect(e.message).toMatch(
      /bad-setting\.yaml:7:\d+: algorithm\.partitions is a setting of nsga3 only: remove it, or set name: nsga3/,
    );
    expect(parseDesignFile(f).kind).toBe('node-study');
  });

  it('a misspelt section is an unknown key with the section as its suggestion', () => {
    const f = writeFile(dir, 'typo.yaml', `${STUDY}\nalgoritm: { name: nsga2 }\n`);
    const e = studyErrorOf(() => parseStudyFile(f));
    expect(e.code).toBe('UNKNOWN_KEY');
    expect(e.message).toContain('did you mean algorithm?');
  });

  it('a design error in a study file is found by both readers', () => {
    const f = writeFile(dir, 'bad-design.yaml', `${STUDY.replace('650', '250')}\n`);
    for (const read of [parseDesignFile, parseStudyFile]) expect(studyErrorOf(() => read(f)).code).toBe('OUT_OF_RANGE');
  });

  it('a benchmark study has no node design: the study reader checks it', () => {
    const f = writeFile(dir, 'bench.yaml', 'name: b\nkind: benchmark\nproblem: zdt1\nalgorithm: { seed: 3 }\n');
    expect(parseDesignFile(f).kind).toBe('benchmark-study');
    const loaded = parseStudyFile(f);
    expect(loaded.kind === 'benchmark-study' && loaded.study.algorithm.seed).toBe(3);
    const bad = writeFile(dir, 'bench-bad.yaml', 'name: b\nkind: benchmark\nproblem: zdt1\nobjectives: 1\n');
    expect(studyErrorOf(() => parseStudyFile(bad)).field).toBe('objectives');
  });
});

/**
 * Study file → Problem, for the driver and for each worker thread (which calls this once at start-up).
 * Everything that can be wrong with a study is found here, before any evaluation.
 */
import { StudyError } from '../base/errors.js';
import type { DesignRecord } from '../node/record/record.js';
import { createBenchmarkProblem } from '../optimize/benchmarks/benchmarks.js';
import type { Problem } from '../optimize/types.js';
import { locate } from '../base/issues.js';
import { compileNodeStudy, type CompiledStudy } from '../study/nodeStudy.js';
import { createHash } from 'node:crypto';
import { checkCatalogIds } from '../node/design/load.js';
import { parseStudyFile, type StudyFile } from '../study/studyFile.js';
import { readInput, type ParsedFile, type YamlInput } from '../base/yaml.js';
import { loadCatalogs } from '../catalog/load.js';
import type { LpSolver } from '../optimize/lp.js';
import type { ConstellationSpec } from '../constellation/design/compile.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import { readParetoFile } from './paretoFile.js';
import { compileConstellationStudy } from '../study/constellationStudy.js';
import { checkAlgorithmFits, type AlgorithmSettings } from '../study/algorithmSettings.js';
import type { ConstraintSamples, ConstraintSampleSettings } from '../study/constraintSamples.js';
import { checkBaseline, nodeEvaluator } from '../node/evaluator.js';

export interface LoadedStudy {
  readonly kind: 'node' | 'benchmark' | 'constellation';
  readonly name: string;
  readonly file: string;
  readonly hash: string;
  readonly problem: Problem;
  readonly algorithm: AlgorithmSettings;
  /** Node and constellation studies: decision vector → full evaluated record (for Pareto designs and reports). */
  readonly record: ((x: Float64Array) => DesignRecord | ConstellationRecord) | null;
  /** The study as the run folder keeps it (self-contained); `hash` is its sha256. */
  readonly studyText: string;
  /**
   * Constellation studies: decision vector → its constellation specification and file data (for exports and reports).
   */
  readonly constellation: {
    spec(x: Float64Array): ConstellationSpec;
    file(x: Float64Array): Record<string, unknown>;
  } | null;
  /** Node and constellation studies: each enforced constraint per uncertainty sample of a design (null: no input). */
  readonly constraintSampler:
    ((settings: ConstraintSampleSettings) => ((x: Float64Array) => ConstraintSamples) | null) | null;
  readonly compiled: CompiledStudy | null;
  /** Benchmark studies: the problem name (analytic front available). */
  readonly benchmark: { readonly problem: string } | null;
}

/** A study file (a path, or a file already read and perhaps edited by `--set`: src/base/yamlSet.ts) as a Problem. */
export function loadStudyProblem(input: YamlInput, lp?: LpSolver): LoadedStudy {
  const file = readInput(input);
  const path = file.src.file;
  if ((file.raw as { kind?: unknown }).kind === 'constellation') return loadConstellationStudy(file, lp);
  const loaded = parseStudyFile(file);
  if (loaded.kind === 'design') {
    throw new StudyError(
      'BAD_VARIABLE',
      `${path}: this is a design, not a study: add variables:, objectives: and algorithm: sections to optimize it (or run odc evaluate ${path})`,
      { file: path },
    );
  }
  if (loaded.kind === 'benchmark-study') return loadBenchmarkStudy(path, loaded);
  return loadNodeStudy(path, loaded);
}

type ParsedStudy = Exclude<StudyFile, { kind: 'design' }>;

/** A benchmark study: the analytic test problem it names. */
function loadBenchmarkStudy(path: string, loaded: Extract<ParsedStudy, { kind: 'benchmark-study' }>): LoadedStudy {
  const s = loaded.study;
  let problem: Problem;
  try {
    problem = createBenchmarkProblem({
      problem: s.problem,
      ...(s.variables !== undefined ? { variables: s.variables } : {}),
      ...(s.objectives !== undefined ? { objectives: s.objectives } : {}),
    });
  } catch (e) {
    throw new StudyError('BAD_ARGUMENT', `${locate(loaded.file.src, ['problem'])}: ${(e as Error).message}`, {
      file: path,
      field: 'problem',
    });
  }
  checkAlgorithmFits(s.algorithm, problem.objectives.length, loaded.file.src);
  return {
    kind: 'benchmark',
    name: s.name,
    file: path,
    hash: loaded.file.hash,
    studyText: loaded.file.text,
    problem,
    algorithm: s.algorithm,
    record: null,
    constellation: null,
    compiled: null,
    constraintSampler: null,
    benchmark: { problem: s.problem.toLowerCase() },
  };
}

/** A node study: its base design's catalogs checked, its variables, objectives and constraints compiled. */
function loadNodeStudy(path: string, loaded: Exclude<ParsedStudy, { kind: 'benchmark-study' }>): LoadedStudy {
  const { catalogs, rows, evaluate, lean, physicalConstraints, relaxableConstraints } = nodeEvaluator(
    undefined,
    loaded.design.catalogs,
  );
  checkCatalogIds(loaded.design, catalogs, loaded.file.src);
  checkBaseline(loaded.design, loaded.file.src);
  const compiled = compileNodeStudy(
    loaded.study,
    loaded.design,
    loaded.file,
    catalogs,
    evaluate,
    physicalConstraints,
    relaxableConstraints,
    rows,
    lean,
  );
  checkAlgorithmFits(loaded.study.algorithm, compiled.problem.objectives.length, loaded.file.src);
  return {
    kind: 'node',
    name: loaded.study.name,
    file: path,
    hash: loaded.file.hash,
    studyText: loaded.file.text,
    problem: compiled.problem,
    algorithm: loaded.study.algorithm,
    record: compiled.record,
    constellation: null,
    compiled,
    constraintSampler: (settings) => compiled.constraintSampler(settings),
    benchmark: null,
  };
}

function loadConstellationStudy(file: ParsedFile, lp: LpSolver | undefined): LoadedStudy {
  const path = file.src.file;
  const raw = file.raw as Record<string, unknown>;
  if (!['variables', 'objectives', 'constraints', 'algorithm'].some((k) => k in raw)) {
    throw new StudyError(
      'BAD_VARIABLE',
      `${path}: this is a constellation, not a study: add variables:, objectives: and algorithm: sections to optimize it (or run odc evaluate ${path})`,
      { file: path },
    );
  }
  // Without a solver the study still loads (exports, reports); evaluating it then fails clearly.
  const noSolver: LpSolver = () => {
    throw new Error(
      'no LP solver was passed to loadStudyProblem: constellation evaluations need createLpSolver() from the library root',
    );
  };
  const c = compileConstellationStudy(file, loadCatalogs(), lp ?? noSolver, (front) =>
    readParetoFile(front, 'BAD_RUN_DIR', 'the run folder is damaged: run the node study again'),
  );
  checkAlgorithmFits(c.algorithm, c.problem.objectives.length, file.src);
  const hash = createHash('sha256').update(c.selfContainedText).digest('hex');
  return {
    kind: 'constellation',
    name: String(raw['name']),
    file: path,
    hash,
    studyText: c.selfContainedText,
    problem: c.problem,
    algorithm: c.algorithm,
    record: c.record,
    constellation: { spec: c.spec, file: c.file },
    compiled: null,
    constraintSampler: (settings) => c.constraintSampler(settings),
    benchmark: null,
  };
}

/**
 * A hand-built report model for the run-report section tests: only the fields the sections read, with short texts
 * so each test can write the blocks it expects by hand. `reportModel(over)` replaces fields of the base.
 */
import type { Block, ReportPlot } from '../../../src/report/document/blocks.js';
import type { LoadedRun } from '../../../src/run/loadRun.js';
import type { PickView, ReportModel } from '../../../src/report/document/model.js';
import type { DecisionView } from '../../../src/report/decision/decisionView.js';
import type { DesignBinding } from '../../../src/run/schemas.js';
import { handAnswer } from '../../helpers/answerRecord.js';

export const plot = (id: string, title = `title ${id}`): ReportPlot => ({
  id,
  file: `${id}.svg`,
  svg: '<svg></svg>',
  caption: `caption ${id}`,
  title,
});

/** Nothing binds, nothing sized: designBindingText's "no constraint …" sentence. */
export const NO_BINDING: DesignBinding = { constraints: [], bounds: [], tightest: [] };

/** A decision view with nothing in it (no feasible design). */
export const EMPTY_VIEW: DecisionView = {
  standing: [],
  empty: null,
  designs: null,
  verdictNote: null,
  verdicts: null,
  bindingRule: 'rule',
  binding: [],
  front: [],
  relaxation: null,
  references: [],
};

export interface RunFields {
  readonly dir?: string;
  readonly evaluations?: number;
  readonly paretoDesigns?: number;
  readonly failureReasons?: readonly { reason: string; count: number }[];
  readonly leastInfeasible?: readonly { index: number; violations: readonly { name: string; g: number }[] }[];
  readonly noResult?: boolean;
}

/** The loaded run as far as the sections read it: folder, counts, failures, versions. */
export function loadedRun(f: RunFields = {}): LoadedRun {
  return {
    dir: f.dir ?? 'runs/r1',
    meta: {
      odcVersion: '9.9.9',
      packageVersions: { 'd3-scale': '4.0.0' },
      result: f.noResult
        ? undefined
        : {
            evaluations: f.evaluations ?? 40,
            failureReasons: f.failureReasons ?? [],
            leastInfeasible: f.leastInfeasible ?? [],
          },
    },
    pareto: { designs: Array.from({ length: f.paretoDesigns ?? 3 }, () => ({})) },
  } as unknown as LoadedRun;
}

/** A pick of the decision-support section: design `index`, no constraints, no budget unless given. */
export function pickView(label: string, index: number, over: Partial<PickView> = {}): PickView {
  return {
    pick: { label, selector: label, position: index, design: { index } } as unknown as PickView['pick'],
    sameAs: null,
    objectives: [{ name: 'cost', value: '12', unit: 'USD', sense: 'minimize' }],
    variables: [{ name: 'chips', value: '200', unit: '-' }],
    budget: [],
    binding: NO_BINDING,
    recordConstraints: [],
    studyConstraints: [],
    ...over,
  };
}

const BASE: ReportModel = {
  run: loadedRun(),
  title: 'Study A',
  description: null,
  summary: [{ label: 'seed', value: '7' }],
  variables: [{ name: 'chips', kind: 'integer', domain: '1 … 400', unit: '-' }],
  objectives: [{ name: 'cost', sense: 'minimize', unit: 'USD' }],
  constraints: [],
  packages: [{ label: 'd3-scale', value: '4.0.3' }],
  plots: [],
  kneeMethod: 'distance',
  picks: [],
  table: { headers: ['design'], rows: [] },
  robustness: null,
  references: [],
  notes: [],
  decision: {} as ReportModel['decision'],
  decisionView: EMPTY_VIEW,
  cost: null,
  answer: handAnswer({ design: null, costBridge: [] }),
};

export const reportModel = (over: Partial<ReportModel> = {}): ReportModel => ({ ...BASE, ...over });

/** Expected blocks written out (not through src/report/document/blocks.ts's builders). */
export const h3 = (text: string) => ({ kind: 'heading', level: 3, text });
export const p = (text: unknown, style?: 'answer' | 'strong' | 'note') => ({
  kind: 'paragraph',
  text,
  ...(style ? { style } : {}),
});
export const fig = (plotOf: ReportPlot) => ({ kind: 'figure', plot: plotOf });

/** The blocks of a section (none for null or another kind). */
export const blocksOf = (b: Block | null): readonly Block[] => (b?.kind === 'section' ? b.blocks : []);

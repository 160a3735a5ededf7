/**
 * `odc evaluate` (with `--set key=value` what-ifs) and `odc diff`: a design's budget, what an edit of its file changes,
 * two designs side by side. The edits, the comparison and the run designs are the library's (src/base/yamlSet.ts,
 * src/report/compare/designDiff.ts, src/index.ts evaluateOperand); this file reads the options and prints.
 */
import type { Command } from 'commander';
import { isStudyError } from '../../base/errors.js';
import type { ParsedFile } from '../../base/yaml.js';
import type { EvaluatedRecord } from '../../report/compare/designDiff.js';
import { collectSet, toleranceArg, type CliIo } from './args.js';

/** A file evaluated: its record and what `odc evaluate` prints for it. */
interface Evaluated {
  readonly record: EvaluatedRecord;
  readonly text: () => string;
}

/** A node or constellation file evaluated as `odc evaluate` does (a constellation loads the library chunk). */
async function evaluateInput(file: ParsedFile): Promise<Evaluated> {
  if ((file.raw as { kind?: unknown }).kind === 'constellation') {
    const odc = await import('./libraryChunk.js');
    const { spec, record } = await odc.evaluateConstellationFile(file);
    return {
      record,
      text: () => odc.formatConstellationBudget(record, [odc.constellationCostBreakdown(spec, record)]),
    };
  }
  const node = await import('./evaluateChunk.js');
  const { record, design } = node.evaluateNodeFile(file);
  // the cost where the verdict stands, first: the lines, $/W and $/chip-hour beside the ground's, the top drivers
  const lead = () => [node.nodeCostBreakdown(design, record, node.nodeEvaluator(undefined, design.catalogs))];
  return { record, text: () => node.formatBudget(record, design.note, lead()) };
}

/**
 * odc evaluate <file> [--set key=value ...]: the budget; with edits, first the figures they change (the file's against
 * the edited file's) when the file alone evaluates.
 */
async function evaluateCommand(io: CliIo, path: string, opts: { json?: boolean; set?: string[] }): Promise<void> {
  const node = await import('./evaluateChunk.js');
  const sets = opts.set ?? [];
  const file = node.readYaml(path);
  const edited = await node.namingSets(path, sets, () => evaluateInput(node.applySets(file, sets)));
  if (sets.length === 0) return void io.out(opts.json ? `${JSON.stringify(edited.record, null, 2)}\n` : edited.text());
  let base: Evaluated | undefined;
  try {
    base = await evaluateInput(file);
  } catch (e) {
    if (!isStudyError(e)) throw e;
    io.err(`odc: ${path} does not evaluate without the --set edits (${e.message}); no comparison\n`);
  }
  const what = `${path} with ${sets.map((s) => `--set ${s}`).join(' ')}`;
  const diff = base && node.diffDesigns(path, base.record, what, edited.record);
  if (opts.json) {
    const both = { sets, file: base?.record ?? null, edited: edited.record, diff: diff ?? null };
    return void io.out(`${JSON.stringify(both, null, 2)}\n`);
  }
  const changes = diff
    ? `What the edits change (A: the file, B: the file with the edits)\n${node.formatDiff(diff, true)}\n`
    : '';
  io.out(`${changes}${edited.text()}`);
}

/** odc evaluate: one node design or constellation, with --set what-ifs. */
export function addEvaluateCommand(program: Command, io: CliIo): void {
  program
    .command('evaluate')
    .description(
      'Evaluate a node design (budgets: mass, power, thermal, radiation, drag, compute, cost) or a constellation (shells, links, network, ground, launch, totals), with constraints.',
    )
    .argument('<design>', 'node design, node study (evaluates its base design) or constellation YAML file')
    .option(
      '--set <key=value>',
      "what-if: set a key of the file (dotted, unit in the name: orbit.altitude_km=550, compute.chip=b200), checked as the file is; repeatable. Prints the figures it changes against the file's, then the budget",
      collectSet,
    )
    .option(
      '--json',
      'print the record as JSON (schemas: designs/schema/design-record.schema.json, constellation-record.schema.json); with --set, {sets, file, edited, diff}',
    )
    .action((file: string, opts: { json?: boolean; set?: string[] }) => evaluateCommand(io, file, opts));
}

/** odc diff <a> <b>: two designs' budgets line by line. */
export function addDiffCommand(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description(
      'Two designs side by side: every budget line of each with the difference B − A and the relative difference, every constraint with its values and verdicts.',
    )
    .argument(
      '<a>',
      'design or constellation file, or a run design: RUNFOLDER:knee, RUNFOLDER:best:<objective>, RUNFOLDER:<index>',
    )
    .argument('<b>', 'the other design, in the same forms')
    .option('--changed', 'only the lines and constraints that differ')
    .option(
      '--tolerance <relative>',
      'numbers differ when |B − A| > this × max(|A|, |B|); below it they count as the same (default 1e-9: float noise)',
      toleranceArg,
    )
    .option('--json', 'print the comparison as JSON (each line with both texts, delta and relative difference)')
    .action(async (a: string, b: string, opts: { changed?: boolean; json?: boolean; tolerance?: number }) => {
      const odc = await import('./libraryChunk.js');
      const x = await odc.evaluateOperand(a);
      const y = await odc.evaluateOperand(b);
      const d = odc.diffDesigns(x.name, x.record, y.name, y.record, opts.tolerance);
      io.out(opts.json ? `${JSON.stringify(d, null, 2)}\n` : odc.formatDiff(d, opts.changed === true));
    });
}

/**
 * `odc attainment`: the attainment surfaces of run folders' fronts or of a CSV of points
 * (src/analysis/attainment.ts).
 */
import type { Command } from 'commander';
import { StudyError } from '../../base/errors.js';
import type { CliIo } from './args.js';

/** A comma-separated list of percentages. */
function levelList(text: string): number[] {
  const values = text.split(',').map((s) => s.trim());
  const bad = values.find((v) => !/^\d+(\.\d+)?$/.test(v) || Number(v) > 100);
  if (bad !== undefined || values.length === 0)
    throw new StudyError(
      'BAD_ARGUMENT',
      `--levels: "${bad ?? text}" is not a percentage in 0–100; e.g. --levels 0,25,50,75,100`,
      { field: 'levels' },
    );
  return values.map(Number);
}

export function addAttainmentCommand(program: Command, io: CliIo): void {
  program
    .command('attainment')
    .description(
      "Attainment surfaces of several fronts (seeds, settings, or another tool's points): for each level, the points " +
        'that the given share of the fronts attains, in the objectives’ own units and sense.',
    )
    .argument(
      '<inputs...>',
      'run folders (a multi-seed folder stands for its seeds), or one CSV of points: objective columns, then the set ' +
        '(R eaf’s layout; an optional header row names the objectives; all minimized)',
    )
    .option('--levels <list>', 'percentages of the fronts, comma-separated', '0,25,50,75,100')
    .option('--objectives <list>', 'the 2 or 3 objectives to use, comma-separated (needed beyond 3)')
    .option('--json', 'print { "levels": [{ "level": 50, "points": [[…], …] }, …] } and the objectives')
    .action(async (inputs: string[], opts: { levels: string; objectives?: string; json?: boolean }) => {
      const { attainmentOf, formatAttainment } = await import('./libraryChunk.js');
      const r = attainmentOf(inputs, {
        levels: levelList(opts.levels),
        ...(opts.objectives !== undefined ? { objectives: opts.objectives.split(',').map((s) => s.trim()) } : {}),
      });
      io.out(
        opts.json === true
          ? `${JSON.stringify({ objectives: r.objectives, sets: r.sets, levels: r.levels }, null, 1)}\n`
          : formatAttainment(r),
      );
    });
}

/**
 * `odc export`: one Pareto design, or a design file's orbits, as a file (src/run/export/export.ts and
 * orbitExport.ts); the options parsed here, the library loaded on use.
 */
import { type Command, Option } from 'commander';
import type * as Odc from '../../index.js';
import { type CliIo, floatArg, intArg, outArg } from './args.js';
import { utcInstant } from '../../base/utcTime.js';

/** --format choices (the library's EXPORT_FORMATS: the CLI loads no library module to list them). */
const EXPORT_FORMAT_CHOICES = [
  'yaml',
  'json',
  'csv',
  'omm',
  'omm-xml',
  'tle',
  'qsmag',
  'oem',
  'oem-xml',
  'czml',
  'network',
] as const satisfies readonly Odc.ExportFormat[];
/** A run's evaluation log as evaluations.csv, from its evaluations.parquet (what odc run writes by default). */
const LOG_CSV = 'evaluations-csv';

interface ExportFlags {
  design?: string;
  format: Odc.ExportFormat | typeof LOG_CSV;
  out?: string;
  frozenEccentricity?: boolean;
  epoch?: string;
  catalogBase?: number;
  raan?: number;
  satellites?: string;
  spanH?: number;
  stepS?: number;
  full?: boolean;
  force?: boolean;
  frame?: string;
  split?: boolean;
}

/** The orbit formats' options: epoch, numbering, a node's RAAN, the ephemeris span and selection. */
function orbitOptions(cmd: Command): Command {
  return cmd
    .option(
      '--epoch <iso>',
      "epoch of every orbit format (ISO 8601 UTC; default the design's simulation.epoch, 2026-03-20T00:00:00Z for a node)",
    )
    .option(
      '--catalog-base <n>',
      'NORAD_CAT_ID of the first satellite (the rest follow in export order; default the first range 18 SDS reserves for temporary numbers that holds the design: 70000, 270000 or 700000000)',
      intArg('--catalog-base', 0, 999_999_999),
    )
    .option(
      '--raan <deg>',
      'a node that is not sun-synchronous: its RAAN at the epoch (default 0; an SSO node takes it from its LTAN)',
      floatArg('--raan'),
    )
    .option(
      '--satellites <list>',
      'oem, oem-xml, czml: all, or a comma list of <shell>, <shell>/P<plane>, <shell>/P<plane>/S<slot> (oem default: the first of each shell)',
    )
    .option('--span-h <hours>', 'oem, czml: time span from the epoch (default oem 24, czml 1.5)', floatArg('--span-h'))
    .option('--step-s <seconds>', 'oem, czml: step between states (default 60)', floatArg('--step-s'))
    .option(
      '--frame <frame>',
      "oem, oem-xml: the states' frame, teme (SGP4's own, default) or eme2000 (mean equator and equinox of J2000, as GMAT and STK take; IAU 2006/2000B, ~1 mas)",
    )
    .option(
      '--split',
      "omm-xml: one OMM document per satellite in the --out folder, with manifest.json (for single-message readers such as Orekit's OMM parser), instead of one combined NDM",
    )
    .option(
      '--full',
      'czml: every satellite (default: at most 1,000, every shell with its planes and slots evenly spread; the scene says which)',
    )
    .option(
      '--force',
      "oem, oem-xml, czml: write even when the estimated size passes the format's limit (czml 100 MB, oem 2 GB)",
    );
}

/** odc export: one Pareto design, or a design file's orbits, as a file. */
export function addExportCommand(program: Command, io: CliIo): void {
  orbitOptions(
    program
      .command('export')
      .description(
        "Export one Pareto design, or a design file's orbits: yaml (a design or constellation file odc evaluate accepts), json (the record), csv (flattened record; for constellations one row per satellite), or a constellation's satellites / a node's one satellite as omm (CCSDS OMM JSON), omm-xml (CCSDS OMM XML), tle (two-line elements, catalog numbers up to 339,999), oem / oem-xml (CCSDS OEM ephemeris in KVN / XML, TEME or --frame eme2000), czml (Cesium scene), network (Hypatia-layout folder: tles.txt, isls.txt, isl_instants.txt, ground_stations.txt, description.txt, gsl_interfaces_info.txt, shells.txt) or qsmag (standard magnitudes, McCants qs.mag layout: with tle, the sky pack); evaluations-csv writes a run's evaluations.parquet as evaluations.csv (into the run folder, or --out). NORAD_CAT_ID = --catalog-base + index; OBJECT_IDs are placeholders (docs/constellations.md, \"Hand-off to other tools\").",
      )
      .argument(
        '<run-dir-or-file>',
        'run folder written by odc run, or a node or constellation design file (its orbits)',
      )
      .option('--design <which>', 'of a run folder: knee, best:<objective> or a design index (pareto.csv index column)')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices([...EXPORT_FORMAT_CHOICES, LOG_CSV])
          .makeOptionMandatory(),
      )
      .option('-o, --out <file>', 'write to this file (atomically) instead of stdout; network: a folder', outArg)
      .option(
        '--frozen-eccentricity',
        'csv: write circular shells at their J2–J3 frozen eccentricity (ω = 90°, long-period elements) instead of e ≈ 0; omm and tle always fly the frozen orbit (SGP4 mean e ≈ 0: SGP4 adds e_f itself)',
      ),
  ).action(async (dir: string, opts: ExportFlags) => {
    const { raan, spanH, stepS, design, epoch, format, ...rest } = opts;
    const library = await import('./libraryChunk.js');
    if (format === LOG_CSV) {
      const r = library.exportLogCsv(dir, opts.out);
      io.err(`wrote ${r.rows} evaluations to ${r.path}\n`);
      return;
    }
    const r = library.exportDesign(dir, {
      format,
      ...rest,
      // read by the one time reader: a calendar-checked UTC instant (a leap second as the next instant), or exit 2
      ...(epoch !== undefined ? { epoch: utcInstant(epoch, '--epoch').iso } : {}),
      ...(design !== undefined ? { design } : {}),
      ...(raan !== undefined ? { raan_deg: raan } : {}),
      ...(spanH !== undefined ? { span_h: spanH } : {}),
      ...(stepS !== undefined ? { step_s: stepS } : {}),
      frozenEccentricity: opts.frozenEccentricity === true,
      notice: (line) => io.err(`${line}\n`),
    });
    if (r.path === null) io.out(r.text);
    else io.err(`wrote ${r.selector === 'file' ? dir : `design ${r.design.index} (${r.selector})`} to ${r.path}\n`);
  });
}

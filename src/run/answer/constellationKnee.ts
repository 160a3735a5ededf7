/**
 * What a constellation run's report draws of its knee: the knee's design rebuilt from the run's study.yaml and its
 * variables, evaluated again with its details (deployment, contacts, one shell's link graph: too large for a run file,
 * so computed when the report is drawn, with the LP solver the composition root gives), and the shipped reference
 * constellations' shells (designs/constellations/, geometry only). src/report/constellation/constellationReport.ts
 * draws it; the report layer imports no evaluation (src/entries wires this in).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogs } from '../../catalog/load.js';
import { evaluateConstellationWithDetails } from '../../constellation/evaluate.js';
import { loadConstellationSpec } from '../../constellation/evaluator.js';
import type { LpSolver } from '../../optimize/lp.js';
import { loadStudyProblem } from '../problem.js';
import { PROJECT_ROOT } from '../versions.js';
import type { LoadedRun } from '../loadRun.js';
import { decisionPicks } from '../decision/decision.js';

const RAD_TO_DEG = 180 / Math.PI;

interface ReferenceConstellation {
  readonly name: string;
  readonly shells: readonly {
    name: string;
    altitude_km: number;
    inclination_deg: number;
    satellites: number;
  }[];
}

/** The shipped reference constellations' shells (geometry only, no evaluation). */
function referenceConstellations(notes: string[]): ReferenceConstellation[] {
  const dir = join(PROJECT_ROOT, 'designs', 'constellations');
  const catalogs = loadCatalogs();
  const out: ReferenceConstellation[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    try {
      const spec = loadConstellationSpec(join(dir, f), catalogs);
      out.push({
        name: spec.name,
        shells: spec.shells.map((s) => ({
          name: s.geometry.name,
          altitude_km: s.geometry.altitude_m / 1e3,
          inclination_deg: s.geometry.inclination_rad * RAD_TO_DEG,
          satellites: s.geometry.planes * s.geometry.satsPerPlane,
        })),
      });
    } catch (e) {
      notes.push(`reference constellation ${f} could not be read (${(e as Error).message}): not drawn`);
    }
  }
  return out;
}

/** The front's knee evaluated with its details, and the reference constellations; null without a Pareto design. */
export function constellationKnee(run: LoadedRun, lp: LpSolver) {
  const knee = decisionPicks(run.pareto)[0]?.design;
  if (knee === undefined) return null;
  const loaded = loadStudyProblem(join(run.dir, 'study.yaml'), lp);
  const x = Float64Array.from(loaded.problem.variables, (v) =>
    v.kind === 'choice' ? v.options.findIndex((o) => o === knee.variables[v.name]) : Number(knee.variables[v.name]),
  );
  const spec = loaded.constellation!.spec(x);
  const { record, details } = evaluateConstellationWithDetails(spec, lp);
  const notes: string[] = [];
  return { spec, record, details, references: referenceConstellations(notes), notes };
}

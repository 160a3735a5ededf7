/**
 * The constellation part of a constellation study's report: the knee design is evaluated again with its
 * details (deployment, contact timeline, one shell's link graph), and the plots a constellation reviewer
 * wants are drawn: shells on an altitude–inclination map with the reference constellations and the
 * filings' envelopes, the knee's link graph and link-utilisation histogram, the gateway contact timeline,
 * the launch campaign against its milestones, and the cost breakdown of the knee and best designs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogs } from '../catalog/load.js';
import { evaluateConstellationWithDetails } from '../constellation/evaluate.js';
import { loadConstellationSpec } from '../constellation/evaluator.js';
import type { ConstellationRecord } from '../constellation/record.js';
import type { LpSolver } from '../problem/lp.js';
import { loadStudyProblem } from '../run/problem.js';
import { PROJECT_ROOT } from '../run/versions.js';
import {
  contactTimelineSvg, costBreakdownSvg, launchCampaignSvg, linkGraphSvg, shellMapSvg, utilizationHistogramSvg, type ReferenceConstellation,
} from './constellationPlots.js';
import { decisionPicks } from './decision.js';
import type { LoadedRun } from './load.js';
import type { ReportPlot } from './model.js';

const RAD_TO_DEG = 180 / Math.PI;

/** The shipped reference constellations' shells (geometry only, no evaluation). */
function referenceConstellations(notes: string[]): ReferenceConstellation[] {
  const dir = join(PROJECT_ROOT, 'designs', 'constellations');
  const catalogs = loadCatalogs();
  const out: ReferenceConstellation[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    try {
      const spec = loadConstellationSpec(join(dir, f), catalogs);
      out.push({
        name: spec.name,
        shells: spec.shells.map((s) => ({
          name: s.geometry.name, altitude_km: s.geometry.altitude_m / 1e3, inclination_deg: s.geometry.inclination_rad * RAD_TO_DEG,
          satellites: s.geometry.planes * s.geometry.satsPerPlane,
        })),
      });
    } catch (e) {
      notes.push(`reference constellation ${f} could not be read (${(e as Error).message}): not drawn`);
    }
  }
  return out;
}

export async function constellationReportPlots(run: LoadedRun, lp: LpSolver): Promise<{ plots: ReportPlot[]; notes: string[] }> {
  const notes: string[] = [];
  const picks = decisionPicks(run.pareto);
  if (picks.length === 0) return { plots: [], notes: ['no Pareto design: no constellation plots'] };
  const knee = picks[0]!.design;
  const loaded = loadStudyProblem(join(run.dir, 'study.yaml'), lp);
  const x = Float64Array.from(loaded.problem.variables, (v) => (v.kind === 'choice' ? v.options.findIndex((o) => o === knee.variables[v.name]) : Number(knee.variables[v.name])));
  const spec = loaded.constellation!.spec(x);
  const { record, details } = evaluateConstellationWithDetails(spec, lp);
  const plots: ReportPlot[] = [];
  const add = (id: string, title: string, caption: string, svg: string): void => void plots.push({ id, file: `${id}.svg`, title, caption, svg });

  add('shell-map', 'Shells of the knee design', 'Altitude against inclination, marker area ∝ √satellites; grey: the shipped reference constellations; shaded: the SpaceX and Project Sunrise filings\' envelopes.',
    await shellMapSvg({
      designs: record.shells.map((s) => ({ name: s.name, altitude_km: s.altitude_km, inclination_deg: s.inclination_deg, satellites: s.satellites })),
      references: referenceConstellations(notes),
    }));
  if (details.linkGraph) {
    add('link-graph', `Link graph of shell ${details.linkGraph.shell} (knee)`, `Links coloured by utilisation at the maximum concurrent flow${details.linkGraph.reducedModel ? ' (reduced torus model: one value per link class)' : ''}; at most a 12 × 12 window of planes × slots.`,
      await linkGraphSvg(details.linkGraph));
    add('link-utilization', 'Link utilisation (knee)', 'Share of links by utilisation at the maximum concurrent flow.', await utilizationHistogramSvg(details.linkGraph));
  } else notes.push('the knee design has no link graph (no links, or a bound): no link-graph plot');
  if (details.stations.length > 0) {
    add('contact-timeline', 'Gateway contacts (knee)', `Intervals in which each gateway sees at least one satellite over the ${(spec.window.duration_s / 3600).toFixed(1)} h sampling window.`,
      await contactTimelineSvg({ step_s: details.step_s, stations: details.stations }));
  }
  add('launch-campaign', 'Launch campaign (knee)', 'Satellites in orbit over time against the deployment milestones.', await launchCampaignSvg({ deployment: details.deployment, milestones: details.milestones, satellites: record.satellites }));
  const seen = new Set<number>();
  const rows = picks.filter((p) => (seen.has(p.position) ? false : (seen.add(p.position), true))).map((p) => {
    const t = (p.design.record as ConstellationRecord).totals;
    return {
      label: p.label, hardware_USD: t.hardware_USD, launch_USD: t.launch_USD, operations_USD: t.operations_USD,
      replacements_USD: t.replacements_USD, ground_USD: t.ground_USD,
    };
  });
  add('cost-breakdown', 'Cost breakdown', 'Life-cycle cost of the knee and the best design per objective, by component.', await costBreakdownSvg(rows));
  return { plots, notes };
}

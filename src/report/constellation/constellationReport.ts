/**
 * The constellation part of a constellation study's report: the knee design is evaluated again with its
 * details (deployment, contact timeline, one shell's link graph), and the plots a constellation reviewer
 * wants are drawn: the shells' orbital planes (RAAN/LTAN × altitude), the planes' ground tracks over the
 * coastlines, the shells on an altitude–inclination map with the reference constellations and the filings'
 * envelopes, the knee's link graph and link-utilisation histogram (exact model: the reduced one has one value
 * per class), the link utilisation by class over the evaluated instants, the gateway contact timeline with its
 * gaps, the launch campaign against its milestones, the life year by year with the roadmaps checked against it, and
 * the cost breakdown of the knee and best designs.
 */
import { pushAll } from '../../base/arrays.js';
import { skyMapSvg, skyObserverText, skyTable } from './skyMap.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import type { ConstellationDetails } from '../../constellation/record/details.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import { PROJECT_ROOT } from '../../run/versions.js';
import {
  contactTimelineSvg,
  costBreakdownSvg,
  launchCampaignSvg,
  linkGraphSvg,
  shellMapSvg,
  utilizationHistogramSvg,
  type ReferenceConstellation,
} from './constellationPlots.js';
import {
  conjunctionsSvg,
  conjunctionTable,
  launchManifestSvg,
  utilizationByClassSvg,
  type ConjunctionPair,
  type LaunchManifestRow,
  type UtilizationRow,
} from './constellationExtras.js';
import { shellPlanesSvg } from './constellationPlanes.js';
import { LIFE_RATIOS_DIFFER, lifeBasisNote, lifeSvg, lifeTable, roadmapNotes } from './constellationLife.js';
import type { LifeBasisRecord } from '../../run/answer/schema.js';
import { decisionPicks } from '../../run/decision/decision.js';
import { drawnPlanes, groundTrackSvg, planeGroundTrack, type GeoPoint } from './groundTrack.js';
import type { LoadedRun } from '../../run/loadRun.js';
import type { ReportPlot } from '../document/blocks.js';

const RAD_TO_DEG = 180 / Math.PI;

/** Ground-track sample step [s]: a 60 s chord (~460 km, 4°, ~8 px on the 720-px map) still draws as a smooth curve. */
const TRACK_STEP_s = 60;

/** The shipped coastline polylines (designs/maps/README.md); none, with a note, when the file cannot be read. */
function coastlines(notes: string[]): GeoPoint[][] {
  const file = join(PROJECT_ROOT, 'designs', 'maps', 'coastline-110m.json');
  try {
    const { lines } = z.object({ lines: z.array(z.array(z.number())) }).parse(JSON.parse(readFileSync(file, 'utf8')));
    return lines.map((flat) =>
      Array.from({ length: flat.length / 2 }, (_, k) => ({ lon_deg: flat[2 * k]!, lat_deg: flat[2 * k + 1]! })),
    );
  } catch (e) {
    notes.push(`coastlines could not be read (${(e as Error).message}): ground tracks drawn without them`);
    return [];
  }
}

/** Data of the network, conjunction and launch-manifest views; each plot is drawn when its rows are given. */
export interface ExtraViewData {
  readonly utilization?: readonly UtilizationRow[];
  readonly conjunctions?: readonly ConjunctionPair[];
  readonly manifest?: readonly LaunchManifestRow[];
}

type AddPlot = (id: string, title: string, caption: string, svg: string, table?: ReportPlot['table']) => void;

/** Draws the views of `ExtraViewData` that have rows. */
export async function addExtraViews(data: ExtraViewData, add: AddPlot): Promise<void> {
  if (data.utilization?.length) {
    add(
      'utilization-by-class',
      'Link utilisation by class over the evaluated instants (knee)',
      'Mean and maximum utilisation of each link class at every evaluated instant of the network flow (bars when the study evaluates one instant).',
      utilizationByClassSvg(data.utilization).svg,
    );
  }
  if (data.conjunctions?.length) {
    add(
      'conjunctions',
      'Self-conjunctions (knee)',
      "Closest approaches between the design's own satellites found by the screening; the table lists the closest first.",
      conjunctionsSvg(data.conjunctions).svg,
      conjunctionTable(data.conjunctions),
    );
  }
  if (data.manifest?.length) {
    add(
      'launch-manifest',
      'Launch manifest (knee)',
      'Satellites launched per vehicle, by shell, with the number of launches.',
      launchManifestSvg(data.manifest).svg,
    );
  }
}

/** The knee's orbital planes, ground tracks (a note when they cannot be propagated) and its shells in context. */
async function addGeometryPlots(
  spec: ConstellationSpec,
  record: ConstellationRecord,
  references: readonly ReferenceConstellation[],
  notes: string[],
  add: AddPlot,
): Promise<void> {
  const geometry = spec.shells.map((s) => s.geometry).filter((g) => g.planes > 0 && g.satsPerPlane > 0);
  add(
    'shell-planes',
    'Orbital planes of the knee design',
    "Each mark is one orbital plane (or cluster) at its RAAN and LTAN at the epoch, on an altitude axis zoomed to the design's shells.",
    await shellPlanesSvg(geometry, spec.window.epochIso),
  );
  const trackWindow = {
    epochIso: spec.window.epochIso,
    duration_s: spec.window.duration_s,
    step_s: Math.min(TRACK_STEP_s, spec.window.step_s),
  };
  try {
    const caption =
      'Sub-satellite tracks of the planes of each shell over the sampling window, over the coastlines, with the gateways.';
    add(
      'ground-track',
      'Ground tracks (knee)',
      caption,
      await groundTrackSvg({
        tracks: geometry.flatMap((g) =>
          drawnPlanes(g.planes).map((p) => ({ shell: g.name, plane: p, points: planeGroundTrack(g, p, trackWindow) })),
        ),
        planesPerShell: Object.fromEntries(geometry.map((g) => [g.name, g.planes])),
        coastlines: coastlines(notes),
        stations: spec.stations.map((st) => ({
          name: st.name,
          lon_deg: st.longitude_rad * RAD_TO_DEG,
          lat_deg: st.latitude_rad * RAD_TO_DEG,
        })),
        duration_s: trackWindow.duration_s,
        step_s: trackWindow.step_s,
      }),
    );
  } catch (e) {
    notes.push(`ground tracks could not be propagated (${(e as Error).message}): not drawn`);
  }
  add(
    'shell-map',
    'Shells in context',
    "Altitude against inclination, marker area ∝ √satellites; grey: the shipped reference constellations; shaded: the SpaceX and Project Sunrise filings' envelopes.",
    await shellMapSvg({
      designs: record.shells.map((s) => ({
        name: s.name,
        altitude_km: s.altitude_km,
        inclination_deg: s.inclination_deg,
        satellites: s.satellites,
      })),
      references,
    }),
  );
}

/** The knee's link graph and utilisation, gateway contacts and launch campaign. */
async function addNetworkPlots(
  spec: ConstellationSpec,
  record: ConstellationRecord,
  details: ConstellationDetails,
  basis: LifeBasisRecord | null,
  notes: string[],
  add: AddPlot,
): Promise<void> {
  if (details.linkGraph) {
    add(
      'link-graph',
      `Link graph of shell ${details.linkGraph.shell} (knee)`,
      `Links coloured by utilisation at the maximum concurrent flow${details.linkGraph.reducedModel ? ' (reduced torus model: one value per link class)' : ''}, or by link class when every link carries the same; at most a 12 × 12 window of planes × slots.`,
      await linkGraphSvg(details.linkGraph),
    );
    // The reduced model gives every link of a class one utilisation: a histogram of its one or two values tells
    // nothing the link graph's subtitle and the by-class view do not.
    if (details.linkGraph.reducedModel)
      notes.push(
        'no link-utilisation histogram: the reduced torus model gives one utilisation per link class (see the link graph and the by-class view)',
      );
    else
      add(
        'link-utilization',
        'Link utilisation (knee)',
        'Share of links by utilisation at the maximum concurrent flow.',
        await utilizationHistogramSvg(details.linkGraph),
      );
  } else notes.push('the knee design has no link graph (no links, or a bound): no link-graph plot');
  if (details.stations.length > 0) {
    add(
      'contact-timeline',
      'Gateway contacts (knee)',
      `Intervals in which each gateway sees at least one satellite over the ${(spec.window.duration_s / 3600).toFixed(1)} h sampling window.`,
      await contactTimelineSvg({ step_s: details.step_s, stations: details.stations }),
    );
  }
  add(
    'launch-campaign',
    'Launch campaign (knee)',
    'Satellites in orbit over time against the deployment milestones.',
    await launchCampaignSvg({
      deployment: details.deployment,
      milestones: details.milestones,
      satellites: record.satellites,
    }),
  );
  add(
    'life',
    'Life of the constellation (knee)',
    'Satellites delivering, in orbit and launched each year from the first launch to the horizon, with the year table.' +
      (basis !== null ? ` ${LIFE_RATIOS_DIFFER}` : ''),
    lifeSvg(record.life, record.satellites).svg,
    lifeTable(record.life, basis),
  );
  if (basis !== null) notes.push(lifeBasisNote(basis, record.life.years[record.life.years.length - 1]?.year ?? 0));
  pushAll(notes, roadmapNotes(record.life));
}

/**
 * The knee of a constellation run evaluated again with its details, and the shipped reference constellations' shells:
 * what the plots draw. The run layer computes it (src/run/answer/constellationKnee.ts); the report draws it.
 */
export interface ConstellationKnee {
  readonly spec: ConstellationSpec;
  readonly record: ConstellationRecord;
  readonly details: ConstellationDetails;
  readonly references: readonly ReferenceConstellation[];
  readonly notes: readonly string[];
}

export async function constellationReportPlots(
  run: LoadedRun,
  knee: ConstellationKnee,
  basis: LifeBasisRecord | null,
): Promise<{ plots: ReportPlot[]; notes: string[] }> {
  const notes: string[] = [...knee.notes];
  const picks = decisionPicks(run.pareto);
  const { spec, record, details } = knee;
  const plots: ReportPlot[] = [];
  const add: AddPlot = (id, title, caption, svg, table) =>
    void plots.push({
      id,
      file: `${id}.svg`,
      title,
      caption,
      svg,
      ...(table ? { table } : {}),
    });

  await addGeometryPlots(spec, record, knee.references, notes, add);
  await addNetworkPlots(spec, record, details, basis, notes, add);
  const rows = costRows(picks);
  await addExtraViews(extraViewData(record, details), add);
  add(
    'sky-map',
    `Naked-eye satellites on the sky, ${record.sky.mapMinutesAfterSunset} min after sunset (knee)`,
    `Satellites brighter than V = 6 above the worst evening's ${skyObserverText(record.sky)}, with ` +
      `${record.sky.extinction_mag_per_airmass} mag per airmass of extinction, per 10° × 15° cell; the table counts them ` +
      `at each time after that sunset, and the record's sky.evenings gives every observer's evening (docs/constellations.md §"Sky brightness").`,
    skyMapSvg(record.sky),
    skyTable(record.sky),
  );
  add(
    'cost-breakdown',
    'Cost breakdown',
    'Life-cycle cost of the knee and the best design per objective, by component.',
    await costBreakdownSvg(rows),
  );
  return { plots, notes };
}

/** The cost components of each distinct pick (the knee and the best design per objective). */
function costRows(picks: ReturnType<typeof decisionPicks>): Parameters<typeof costBreakdownSvg>[0] {
  const seen = new Set<number>();
  const rows = picks
    .filter((p) => (seen.has(p.position) ? false : (seen.add(p.position), true)))
    .flatMap((p) => {
      if (p.design.record?.kind !== 'constellation') return [];
      const t = p.design.record.totals;
      return {
        label: p.label,
        hardware_USD: t.hardware_USD,
        launch_USD: t.launch_USD,
        operations_USD: t.operations_USD,
        replacements_USD: t.replacements_USD,
        ground_USD: t.ground_USD,
      };
    });
  return rows;
}

/**
 * Link utilisation per instant and class, the self-conjunction screen's worst pairs, the launch manifest by vehicle and
 * shell.
 */
function extraViewData(
  record: ConstellationRecord,
  details: ConstellationDetails,
): Parameters<typeof addExtraViews>[0] {
  const sat = (shell: string, plane: number | null, slot: number | null): string =>
    plane === null ? `shell ${shell}` : `${shell} P${plane} S${slot ?? 0}`;
  const manyShells = details.networkInstants.length > 1;
  return {
    utilization: details.networkInstants.flatMap((n) =>
      n.instants.flatMap((inst, k) =>
        inst.classes.map((c) => ({
          instant: k,
          time_s: inst.time_s,
          linkClass: manyShells ? `${n.shell}/${c.linkClass}` : c.linkClass,
          mean: c.meanUtilization,
          max: c.maxUtilization,
        })),
      ),
    ),
    conjunctions: record.environment.conjunctions.worst.map((c) => ({
      a: sat(c.shellA, c.planeA, c.slotA),
      b: sat(c.shellB, c.planeB, c.slotB),
      distance_km: c.separation_km,
      time_s: c.time_s,
      pairs: c.pairs,
    })),
    manifest: record.launch.perShell.flatMap((s) =>
      s.vehicles
        .filter((v) => v.launches > 0)
        .map((v) => ({
          vehicle: v.vehicle,
          shell: s.shell,
          launches: v.launches,
          satellites: v.satellitesCarried,
        })),
    ),
  };
}

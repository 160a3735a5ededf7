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
import type { Drawing } from '../document/blocks.js';

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

/** What a constellation run's own plots are drawn from (the catalogue's CONSTELLATION_PLOTS); `notes` collects. */
export interface ConstellationPlotInput {
  readonly knee: ConstellationKnee;
  readonly basis: LifeBasisRecord | null;
  readonly costs: Parameters<typeof costBreakdownSvg>[0];
  readonly extra: ExtraViewData;
  readonly notes: string[];
}

export function constellationPlotInput(
  run: LoadedRun,
  knee: ConstellationKnee,
  basis: LifeBasisRecord | null,
): ConstellationPlotInput {
  const extra = extraViewData(knee.record, knee.details);
  return { knee, basis, costs: costRows(decisionPicks(run.pareto)), extra, notes: [...knee.notes] };
}

const shellGeometry = (spec: ConstellationSpec) =>
  spec.shells.map((s) => s.geometry).filter((g) => g.planes > 0 && g.satsPerPlane > 0);

export const planesDrawing = ({ knee: { spec } }: ConstellationPlotInput): Drawing => ({
  caption:
    "Each mark is one orbital plane (or cluster) at its RAAN and LTAN at the epoch, on an altitude axis zoomed to the design's shells.",
  svg: shellPlanesSvg(shellGeometry(spec), spec.window.epochIso),
});

/** The planes' ground tracks over the coastlines; null, with a note, when they cannot be propagated. */
export function groundTrackDrawing({ knee: { spec }, notes }: ConstellationPlotInput): Drawing | null {
  const geometry = shellGeometry(spec);
  const trackWindow = {
    epochIso: spec.window.epochIso,
    duration_s: spec.window.duration_s,
    step_s: Math.min(TRACK_STEP_s, spec.window.step_s),
  };
  try {
    return {
      caption:
        'Sub-satellite tracks of the planes of each shell over the sampling window, over the coastlines, with the gateways.',
      svg: groundTrackSvg({
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
    };
  } catch (e) {
    notes.push(`ground tracks could not be propagated (${(e as Error).message}): not drawn`);
    return null;
  }
}

export const shellMapDrawing = ({ knee: { record, references } }: ConstellationPlotInput): Drawing => ({
  caption:
    "Altitude against inclination, marker area ∝ √satellites; grey: the shipped reference constellations; shaded: the SpaceX and Project Sunrise filings' envelopes.",
  svg: shellMapSvg({
    designs: record.shells.map((s) => ({
      name: s.name,
      altitude_km: s.altitude_km,
      inclination_deg: s.inclination_deg,
      satellites: s.satellites,
    })),
    references,
  }),
});

export function linkGraphDrawing({ knee: { details } }: ConstellationPlotInput): Drawing {
  const graph = details.linkGraph!;
  return {
    title: `Link graph of shell ${graph.shell} (knee)`,
    caption: `Links coloured by utilisation at the maximum concurrent flow${graph.reducedModel ? ' (reduced torus model: one value per link class)' : ''}, or by link class when every link carries the same; at most a 12 × 12 window of planes × slots.`,
    svg: linkGraphSvg(graph),
  };
}

/**
 * The link-utilisation histogram; null, with a note, for the reduced model, which gives every link of a class one
 * utilisation: a histogram of its one or two values tells nothing the link graph and the by-class view do not.
 */
export function linkUtilizationDrawing({ knee: { details }, notes }: ConstellationPlotInput): Drawing | null {
  if (!details.linkGraph!.reducedModel)
    return {
      caption: 'Share of links by utilisation at the maximum concurrent flow.',
      svg: utilizationHistogramSvg(details.linkGraph!),
    };
  notes.push(
    'no link-utilisation histogram: the reduced torus model gives one utilisation per link class (see the link graph and the by-class view)',
  );
  return null;
}

export const contactsDrawing = ({ knee: { spec, details } }: ConstellationPlotInput): Drawing => ({
  caption: `Intervals in which each gateway sees at least one satellite over the ${(spec.window.duration_s / 3600).toFixed(1)} h sampling window.`,
  svg: contactTimelineSvg({ step_s: details.step_s, stations: details.stations }),
});

export const launchCampaignDrawing = ({ knee: { record, details } }: ConstellationPlotInput): Drawing => ({
  caption: 'Satellites in orbit over time against the deployment milestones.',
  svg: launchCampaignSvg({
    deployment: details.deployment,
    milestones: details.milestones,
    satellites: record.satellites,
  }),
});

/** The life year by year, with its table; the life basis and the roadmaps' notes. */
export function lifeDrawing({ knee: { record }, basis, notes }: ConstellationPlotInput): Drawing {
  const drawing = {
    caption:
      'Satellites delivering, in orbit and launched each year from the first launch to the horizon, with the year table.' +
      (basis !== null ? ` ${LIFE_RATIOS_DIFFER}` : ''),
    svg: lifeSvg(record.life, record.satellites).svg,
    table: lifeTable(record.life, basis),
  };
  if (basis !== null) notes.push(lifeBasisNote(basis, record.life.years[record.life.years.length - 1]?.year ?? 0));
  pushAll(notes, roadmapNotes(record.life));
  return drawing;
}

export const utilizationByClassDrawing = ({ extra }: ConstellationPlotInput): Drawing => ({
  caption:
    'Mean and maximum utilisation of each link class at every evaluated instant of the network flow (bars when the study evaluates one instant).',
  svg: utilizationByClassSvg(extra.utilization!).svg,
});

export const conjunctionsDrawing = ({ extra }: ConstellationPlotInput): Drawing => ({
  caption:
    "Closest approaches between the design's own satellites found by the screening; the table lists the closest first.",
  svg: conjunctionsSvg(extra.conjunctions!).svg,
  table: conjunctionTable(extra.conjunctions!),
});

export const manifestDrawing = ({ extra }: ConstellationPlotInput): Drawing => ({
  caption: 'Satellites launched per vehicle, by shell, with the number of launches.',
  svg: launchManifestSvg(extra.manifest!).svg,
});

export const skyDrawing = ({ knee: { record } }: ConstellationPlotInput): Drawing => ({
  title: `Naked-eye satellites on the sky, ${record.sky.mapMinutesAfterSunset} min after sunset (knee)`,
  caption:
    `Satellites brighter than V = 6 above the worst evening's ${skyObserverText(record.sky)}, with ` +
    `${record.sky.extinction_mag_per_airmass} mag per airmass of extinction, per 10° × 15° cell; the table counts them ` +
    `at each time after that sunset, and the record's sky.evenings gives every observer's evening (docs/constellations.md §"Sky brightness").`,
  svg: skyMapSvg(record.sky),
  table: skyTable(record.sky),
});

export const costDrawing = ({ costs }: ConstellationPlotInput): Drawing => ({
  caption: 'Life-cycle cost of the knee and the best design per objective, by component.',
  svg: costBreakdownSvg(costs),
});

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
function extraViewData(record: ConstellationRecord, details: ConstellationDetails): ExtraViewData {
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

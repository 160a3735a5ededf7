/**
 * `odc screen`: a design's satellites (a node or constellation file, a run's design `RUN:knee`, `RUN:<index>`) or a
 * file of element sets screened against the catalogue (src/constellation/catalogue/screen.ts), the approaches closer
 * than the threshold listed with their TCA, miss distance and relative speed, and summed: totals at 1, 5 and 10 km,
 * events per satellite-year, the objects, groups and altitude bands contributing most. Element sets carry no
 * covariance: a screen of nominal trajectories, not a risk assessment (no probability of collision).
 * Workers (piscina) split the own satellites; the events are sorted, so any worker count gives the same bytes.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { maxOf } from '../../base/arrays.js';
import { StudyError } from '../../base/errors.js';
import { compiledWorkerFile } from '../../base/paths.js';
import {
  DEFAULT_CATALOGUE_FILES,
  epochSummary,
  loadCatalogue,
  readElementFile,
  uniqueSets,
} from '../../constellation/catalogue/catalogue.js';
import {
  emptySkips,
  ommSet,
  readElementSets,
  type ElementSet,
  type SkipCounts,
} from '../../constellation/catalogue/elementSets.js';
import {
  prepare,
  SCREEN_CHUNK,
  screenPrepared,
  type Prepared,
  type RawEvent,
  type ScreenOptions,
} from '../../constellation/catalogue/screen.js';
import { constellationOmm, exportDesign } from '../../run/export/export.js';
import { limitedFiles } from '../../run/export/orbitExport.js';
import { checkOutputTarget } from '../../base/outputTarget.js';
import { writeFileAtomic } from '../../run/atomic.js';
import { readAnswer } from '../../run/answer/read.js';
import { writeAnswer } from '../../run/answer/answer.js';
import { utcInstant } from '../../base/utcTime.js';
import { ScreenTally } from './tally.js';
import type { OwnSets, RedisScreen } from './distributed.js';

/** Totals are counted at these distances [km]; the screen runs to the largest of them and the threshold. */
export const SCREEN_TOTALS_km = [1, 5, 10] as const;
/** Element sets older or newer than this at the screen's start are left out: TLE errors grow km per day. */
export const MAX_AGE_d = 30;
const HOURS_PER_YEAR = 8766;

export interface ScreenRequest {
  /** Design file, RUNFOLDER:knee / RUNFOLDER:best:<objective> / RUNFOLDER:<index>, or a TLE/OMM file. */
  readonly target: string;
  readonly catalogue?: readonly string[];
  /** ISO 8601 UTC; default the catalogue's median epoch. */
  readonly start?: string;
  readonly hours?: number;
  readonly threshold_km?: number;
  readonly step_s?: number;
  readonly workers?: number;
  /** Screen on `odc worker` processes through Redis, split by own satellites (./distributed.ts). */
  readonly redis?: RedisScreen;
  /** Events listed at most (the closest); totals count them all (default MAX_LISTED_EVENTS). */
  readonly maxEvents?: number;
}

export interface ScreenEvent {
  readonly own: string;
  readonly norad: number;
  readonly name: string;
  readonly tca: string;
  readonly miss_m: number;
  readonly relativeSpeed_m_s: number;
}

export interface ScreenResult {
  readonly screen: {
    readonly target: string;
    readonly start: string;
    readonly end: string;
    readonly hours: number;
    readonly threshold_km: number;
    readonly step_s: number;
    readonly note: string;
  };
  readonly catalogue: {
    readonly files: readonly { path: string; format: string; sets: number }[];
    readonly objects: number;
    readonly screened: number;
    readonly skipped: SkipCounts;
    readonly epochs: { min: string; median: string; max: string };
    readonly ageAtStart_d: { oldest: number; median: number; newest: number };
  };
  readonly own: { readonly satellites: number; readonly skipped: SkipCounts };
  readonly events: readonly ScreenEvent[];
  /** Events below the threshold not listed (beyond maxEvents, the farthest left out); absent when none. */
  readonly eventsNotListed?: number;
  readonly totals: readonly { below_km: number; events: number; perSatelliteYear: number }[];
  readonly perSatelliteYear: number;
  readonly topObjects: readonly { norad: number; name: string; events: number }[];
  readonly groups: readonly { group: string; events: number }[];
  readonly bands: readonly { altitude_km: number; events: number }[];
}

export const SCREEN_NOTE =
  'A screen of nominal SGP4 trajectories, not a risk assessment: element sets carry no covariance (TLE errors are ~1 km at epoch, growing km per day), so no probability of collision is given.';

/** `RUNFOLDER:design` split where the part before a colon is a folder; null for anything else. */
export function runOperand(operand: string): { dir: string; design: string } | null {
  if (existsSync(operand)) return null;
  for (let i = operand.indexOf(':'); i > 0; i = operand.indexOf(':', i + 1)) {
    const dir = operand.slice(0, i);
    if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true) return { dir, design: operand.slice(i + 1) };
  }
  return null;
}

const DESIGN_EXTENSIONS = ['.yaml', '.yml'];

/** The target's satellites as element sets at `startIso` (a design's are placed by its elements at that epoch). */
function ownSets(target: string, startIso: string, skips: SkipCounts): ElementSet[] {
  const run = runOperand(target);
  if (run === null && !existsSync(target))
    throw new StudyError(
      'FILE_NOT_FOUND',
      `${target}: no such design or element-set file, nor a run folder's design (RUNFOLDER:knee, RUNFOLDER:<index>)`,
      { file: target },
    );
  if (run === null && !DESIGN_EXTENSIONS.includes(extname(target).toLowerCase()))
    return uniqueSets(readElementFile(target, 'element-set file', skips).sets, skips);
  const r = exportDesign(run?.dir ?? target, {
    format: 'omm',
    epoch: startIso,
    creationDate: startIso,
    ...(run !== null ? { design: run.design } : {}),
  });
  return readElementSets(r.text, skips).sets;
}

/** Sets SGP4 can propagate over the window and whose epoch is within MAX_AGE_d of its start; the rest counted. */
function usable(sets: readonly ElementSet[], opts: Readonly<ScreenOptions>, skips: SkipCounts): Prepared[] {
  const out: Prepared[] = [];
  for (const s of sets) {
    if (Math.abs(s.epoch_ms - opts.start_ms) > MAX_AGE_d * 86_400_000) {
      skips.stale++;
      continue;
    }
    const p = prepare(s, opts);
    if (p === null) skips.unpropagable++;
    else out.push(p);
  }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** What the worker threads need: the catalogue's sets and the options (src/entries/workers/screen.ts). */
export interface ScreenTask {
  readonly own: readonly ElementSet[];
  readonly offset: number;
  readonly cat: readonly ElementSet[];
  /** Names the catalogue (its hash): a thread prepares it once per key and window. */
  readonly catKey?: string;
  readonly opts: ScreenOptions;
  readonly progress: Int32Array;
}

export interface ScreenTaskResult {
  /** Own indices are the share's set indices plus its offset; catalogue indices, the task's list's. */
  readonly events: RawEvent[];
  /** Own sets SGP4 cannot propagate over the window (left out). */
  readonly unpropagable: number;
}

let preparedCatalogue: { key: string; cat: Prepared[] } | null = null;

/** A worker's share: its own satellites against the catalogue, own indices offset to the whole list. */
export function runScreenTask(task: ScreenTask): ScreenTaskResult {
  const key = `${task.catKey ?? ''} ${task.opts.start_ms} ${task.opts.span_s}`;
  const cat =
    task.catKey !== undefined && preparedCatalogue?.key === key
      ? preparedCatalogue.cat
      : task.cat.map((s) => prepare(s, task.opts)!);
  if (task.catKey !== undefined) preparedCatalogue = { key, cat };
  const index: number[] = [];
  const own: Prepared[] = [];
  task.own.forEach((s, i) => {
    const p = prepare(s, task.opts);
    if (p === null) return;
    own.push(p);
    index.push(i + task.offset);
  });
  let last = 0;
  const events = screenPrepared(own, cat, task.opts, (done) => {
    Atomics.add(task.progress, 0, done - last);
    last = done;
  });
  return { events: events.map((e) => ({ ...e, own: index[e.own]! })), unpropagable: task.own.length - own.length };
}

/** The screen of a request; `onProgress(share)` as samples are done. */
export async function screenTarget(
  req: Readonly<ScreenRequest>,
  onProgress?: (share: number) => void,
): Promise<ScreenResult> {
  const catalogue = loadCatalogue(req.catalogue);
  if (catalogue.sets.length === 0)
    throw new StudyError(
      'BAD_ARGUMENT',
      `${catalogue.files.map((f) => f.path).join(', ')}: no element set could be read (${skipText(catalogue.skips)}); give a TLE or OMM catalogue`,
      { field: 'catalogue' },
    );
  const epochs = epochSummary(catalogue.sets);
  const start_ms = req.start !== undefined ? screenStart(req.start) : epochs.median_ms;
  const hours = req.hours ?? 168;
  const threshold_km = req.threshold_km ?? 5;
  const step_s = req.step_s ?? 60;
  const opts: ScreenOptions = {
    start_ms,
    span_s: hours * 3600,
    threshold_km: maxOf([threshold_km, ...SCREEN_TOTALS_km]),
    step_s,
  };
  const { own, ownSkips } = ownOf(req, opts);
  const cat = usable(catalogue.sets, opts, catalogue.skips);
  const nothing = (what: string, skips: SkipCounts): never => {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${what}: nothing to screen from ${iso(start_ms)} (${skipText(skips)}); ${
        skips.stale > 0
          ? `element sets more than ${MAX_AGE_d} days from the start are left out: give --start near their epochs or a newer catalogue`
          : 'give element sets SGP4 can propagate'
      }`,
      { field: 'catalogue' },
    );
  };
  if (cat.length === 0) nothing(`catalogue ${catalogue.files.map((f) => f.path).join(', ')}`, catalogue.skips);
  let screened = Array.isArray(own) ? own.length : (own as OwnSets).count;
  if (screened === 0) nothing(req.target, ownSkips);
  const totals_km = [...new Set([...SCREEN_TOTALS_km, threshold_km])].sort((a, b) => a - b);
  const tally = new ScreenTally(cat, totals_km, threshold_km, req.maxEvents);
  let ownName: (i: number) => string;
  if (Array.isArray(own)) {
    tally.add(await runScreen(own, cat, opts, req.workers ?? 0, onProgress));
    ownName = (i) => own[i]!.set.name;
  } else {
    const { unpropagable } =
      req.redis === undefined
        ? await screenInChunks(own as OwnSets, cat, opts, req.workers ?? 0, tally, onProgress)
        : await (
            await import('./distributed.js')
          ) // BullMQ loaded only here
            .screenOnRedis(own as OwnSets, cat, opts, req.redis, tally, onProgress);
    ownSkips.unpropagable += unpropagable;
    screened -= unpropagable;
    if (screened === 0) nothing(req.target, ownSkips);
    const names = ownNames(own as OwnSets, tally.events());
    ownName = (i) => names.get(i)!;
  }
  return summarise(req, opts, threshold_km, catalogue, epochs, cat, ownName, screened, ownSkips, tally);
}

/**
 * The own sets: through Redis, or past one chunk in this process, made on demand (ownOnDemand: only their epochs are
 * checked here, each chunk prepared as it is screened); else held and prepared at once.
 */
function ownOf(req: Readonly<ScreenRequest>, opts: Readonly<ScreenOptions>) {
  const skips = emptySkips();
  const onDemand = ownOnDemand(req.target, iso(opts.start_ms), opts, skips);
  if (req.redis !== undefined || onDemand.count > SCREEN_CHUNK) return { own: onDemand, ownSkips: skips };
  // one chunk or less: held and prepared here, from the same read (its stale sets already left out and counted)
  const held: ElementSet[] = [];
  for (let it = onDemand.from(0), r = it.next(); r.done !== true; r = it.next()) held.push(r.value);
  return { own: usable(held, opts, skips), ownSkips: skips };
}

/**
 * A large screen in this process, SCREEN_CHUNK own sets at a time (made on demand, prepared, screened, folded into
 * the tally, dropped), own indices those of `own`: memory bounded whatever the number of own satellites.
 */
async function screenInChunks(
  own: OwnSets,
  cat: readonly Prepared[],
  opts: Readonly<ScreenOptions>,
  workers: number,
  tally: ScreenTally,
  onProgress?: (share: number) => void,
): Promise<{ unpropagable: number }> {
  const chunks = Math.ceil(own.count / SCREEN_CHUNK);
  const sets = own.from(0);
  let unpropagable = 0;
  for (let c = 0; c < chunks; c++) {
    const index: number[] = [];
    const prepared: Prepared[] = [];
    for (let k = 0; k < SCREEN_CHUNK; k++) {
      const r = sets.next();
      if (r.done === true) break;
      const p = prepare(r.value, opts);
      if (p === null) unpropagable++;
      else {
        prepared.push(p);
        index.push(c * SCREEN_CHUNK + k);
      }
    }
    const events = await runScreen(prepared, cat, opts, workers, (share) => onProgress?.((c + share) / chunks));
    tally.add(events.map((e) => ({ ...e, own: index[e.own]! })));
  }
  return { unpropagable };
}

/**
 * The own sets of a screen through Redis, made on demand: a constellation's (a design file or a run's design) one at a
 * time from its generator, each read as its exported OMM text would be (constellationOmm), so the coordinator holds
 * none of them; any other target's read whole (a TLE/OMM file, a node's one satellite). Sets whose epoch is more than
 * MAX_AGE_d from the start are counted as stale and left out (a design's are dated at the start).
 */
function ownOnDemand(target: string, startIso: string, opts: Readonly<ScreenOptions>, skips: SkipCounts): OwnSets {
  const run = runOperand(target);
  const design = run !== null || (existsSync(target) && DESIGN_EXTENSIONS.includes(extname(target).toLowerCase()));
  const records = design ? constellationOmm(run?.dir ?? target, run?.design, startIso) : null;
  const fresh = (s: ElementSet): boolean => Math.abs(s.epoch_ms - opts.start_ms) <= MAX_AGE_d * 86_400_000;
  if (records === null) {
    const read = ownSets(target, startIso, skips);
    const sets = read.filter(fresh);
    skips.stale += read.length - sets.length;
    return { count: sets.length, from: (i) => sets.slice(i).values() };
  }
  function* read(): Generator<ElementSet | 'format'> {
    for (const r of records!()) yield ommSet(JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
  }
  let count = 0;
  limitedFiles(target, 'omm', () => {
    for (const s of read())
      if (s === 'format') skips.format++;
      else if (!fresh(s)) skips.stale++;
      else count++;
  }); // the first pass meets any format limit; the others make the same records

  return {
    count,
    *from(i) {
      let k = 0;
      for (const s of read()) if (s !== 'format' && fresh(s) && k++ >= i) yield s;
    },
  };
}

/** The names of the own sets the listed events name, read in one pass from the first of them to the last. */
function ownNames(own: OwnSets, events: readonly RawEvent[]): Map<number, string> {
  const want = new Set(events.map((e) => e.own));
  const names = new Map<number, string>();
  const first = events.reduce((m, e) => Math.min(m, e.own), Infinity);
  if (want.size === 0) return names;
  const sets = own.from(first);
  for (let i = first, r = sets.next(); names.size < want.size && !r.done; i++, r = sets.next())
    if (want.has(i)) names.set(i, r.value.name);
  return names;
}

/** Serial, or `workers` threads each with a contiguous share of the own satellites (events in no particular order). */
export async function runScreen(
  own: readonly Prepared[],
  cat: readonly Prepared[],
  opts: ScreenOptions,
  workers: number,
  onProgress?: (share: number) => void,
): Promise<RawEvent[]> {
  const threads = Math.min(workers, own.length);
  const steps = Math.ceil(opts.span_s / (opts.step_s ?? 60)) + 1;
  if (threads < 2) return screenPrepared(own, cat, opts, (done, total) => onProgress?.(done / total));
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: compiledWorkerFile('screen', 'screen worker'), maxThreads: threads });
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const timer = setInterval(() => onProgress?.(Atomics.load(progress, 0) / (steps * threads)), 250);
  try {
    const sets = cat.map((c) => c.set);
    const size = Math.ceil(own.length / threads);
    const parts = await Promise.all(
      Array.from({ length: threads }, (_, t) => {
        const task: ScreenTask = {
          own: own.slice(t * size, (t + 1) * size).map((o) => o.set),
          offset: t * size,
          cat: sets,
          opts,
          progress,
        };
        return pool.run(task) as Promise<ScreenTaskResult>;
      }),
    );
    return parts.flatMap((p) => p.events);
  } finally {
    clearInterval(timer);
    await pool.destroy();
  }
}

export function skipText(s: Readonly<SkipCounts>): string {
  const parts = [
    [s.checksum, 'bad checksum'],
    [s.format, 'malformed'],
    [s.duplicate, 'duplicate'],
    [s.unpropagable, 'not propagable by SGP4 over the window (decayed or invalid)'],
    [s.stale, `epoch more than ${MAX_AGE_d} days from the start`],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, why]) => `${n.toLocaleString('en-US')} ${why}`);
  return text.length ? `skipped: ${text.join(', ')}` : 'none skipped';
}

/** Counts by key, largest first, then by key. */
function ranked<K extends string | number>(counts: Iterable<[K, number]>): { key: K; n: number }[] {
  const m = new Map<K, number>();
  for (const [k, n] of counts) m.set(k, (m.get(k) ?? 0) + n);
  return [...m]
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const EARTH_RADIUS_km = 6378.135; // WGS-72, the element sets' own

/** The objects, name groups (first word) and 10 km bands of mean altitude met most, ten of each. */
function contributors(
  cat: readonly Prepared[],
  byObject: ReadonlyMap<number, number>,
): Pick<ScreenResult, 'topObjects' | 'groups' | 'bands'> {
  const counts = [...byObject].map(([j, n]) => ({ o: cat[j]!, n }));
  const nameOf = new Map(counts.map(({ o }) => [o.set.norad, o.set.name]));
  const band = (o: Prepared): number => 10 * Math.floor(((o.rLo_km + o.rHi_km) / 2 - EARTH_RADIUS_km) / 10);
  return {
    topObjects: ranked(counts.map(({ o, n }): [number, number] => [o.set.norad, n]))
      .slice(0, 10)
      .map(({ key, n }) => ({ norad: key, name: nameOf.get(key)!, events: n })),
    groups: ranked(counts.map(({ o, n }): [string, number] => [o.set.name.split(/[\s-]/)[0] ?? o.set.name, n]))
      .slice(0, 10)
      .map(({ key, n }) => ({ group: key, events: n })),
    bands: ranked(counts.map(({ o, n }): [number, number] => [band(o), n]))
      .slice(0, 10)
      .map(({ key, n }) => ({ altitude_km: key, events: n })),
  };
}

function summarise(
  req: Readonly<ScreenRequest>,
  opts: ScreenOptions,
  threshold_km: number,
  catalogue: ReturnType<typeof loadCatalogue>,
  epochs: ReturnType<typeof epochSummary>,
  cat: readonly Prepared[],
  ownName: (i: number) => string,
  screened: number,
  ownSkips: SkipCounts,
  tally: ScreenTally,
): ScreenResult {
  const below = tally.events();
  const satYears = (screened * opts.span_s) / 3600 / HOURS_PER_YEAR;
  const totals = tally.totals_km.map((d, i) => ({
    below_km: d,
    events: tally.totals[i]!,
    perSatelliteYear: tally.totals[i]! / satYears,
  }));
  const age = (ms: number): number => (opts.start_ms - ms) / 86_400_000;
  return {
    screen: {
      target: req.target,
      start: iso(opts.start_ms),
      end: iso(opts.start_ms + opts.span_s * 1000),
      hours: opts.span_s / 3600,
      threshold_km,
      step_s: opts.step_s ?? 60,
      note: SCREEN_NOTE,
    },
    catalogue: {
      // the shipped snapshot by its repository path, not this machine's
      files: catalogue.files.map((f, i) => ({
        path: req.catalogue === undefined ? DEFAULT_CATALOGUE_FILES[i]! : f.path,
        format: f.format,
        sets: f.sets,
      })),
      objects: catalogue.sets.length,
      screened: cat.length,
      skipped: catalogue.skips,
      epochs: { min: iso(epochs.min_ms), median: iso(epochs.median_ms), max: iso(epochs.max_ms) },
      ageAtStart_d: { oldest: age(epochs.min_ms), median: age(epochs.median_ms), newest: age(epochs.max_ms) },
    },
    own: { satellites: screened, skipped: ownSkips },
    events: below.map((e) => ({
      own: ownName(e.own),
      norad: cat[e.cat]!.set.norad,
      name: cat[e.cat]!.set.name,
      tca: iso(e.tca_ms),
      miss_m: Math.round(e.miss_m * 10) / 10,
      relativeSpeed_m_s: Math.round(e.relativeSpeed_m_s * 10) / 10,
    })),
    ...(tally.below > below.length ? { eventsNotListed: tally.below - below.length } : {}),
    totals,
    perSatelliteYear: tally.below / satYears,
    ...contributors(cat, tally.byObject),
  };
}
/** Refuses an --out that is an input or cannot be written, before the screen runs. */
export const checkScreenOutput = (out: string, inputs: readonly string[]): void =>
  checkOutputTarget(
    out,
    'file',
    inputs.map((i) => runOperand(i)?.dir ?? i),
  );

/** The screen's output written to `out` atomically: a file is whole or absent. */
export function writeScreenOutput(out: string, text: string, inputs: readonly string[]): void {
  checkScreenOutput(out, inputs);
  writeFileAtomic(out, text);
}

/**
 * `--start` read by the one time reader (src/base/utcTime.ts), then held to 1957–2056: the years a TLE epoch can
 * name (two-digit epoch years, 57–99 → 19xx), so a start outside them lies years from any element set.
 */
function screenStart(text: string): number {
  const { ms } = utcInstant(text, '--start');
  const year = new Date(ms).getUTCFullYear();
  if (year < 1957 || year > 2056)
    throw new StudyError(
      'BAD_ARGUMENT',
      `--start '${text}': the year ${year} is outside 1957–2056, the years element sets can be dated; give a start near the catalogue's epochs`,
      { field: '--start' },
    );
  return ms;
}

/** The screen of a run's recommended design, kept beside its answer.json (whose `environment.screen` points to it). */
export const KNEE_SCREEN_FILE = 'screen-knee.json';

/**
 * When `target` names a run's recommended design (RUNFOLDER:knee, or RUNFOLDER:<index> of the answer's design), the
 * screen is written beside the folder's answer.json and its counts recorded in the answer's `environment.screen`
 * (both atomically), so the report (`odc report RUNFOLDER`) and the explorer state it; null for any other target.
 */
export function recordKneeScreen(target: string, r: Readonly<ScreenResult>): string | null {
  const run = runOperand(target);
  if (run === null) return null;
  const answer = readAnswer(run.dir);
  const d = answer?.design;
  if (answer === null || answer.environment === undefined || d === null || d === undefined) return null;
  if (run.design !== 'knee' && !(d.seed === undefined && run.design === String(d.index))) return null;
  const below = r.totals.find((t) => t.below_km === r.screen.threshold_km);
  writeFileAtomic(join(run.dir, KNEE_SCREEN_FILE), `${JSON.stringify(r, null, 2)}\n`);
  writeAnswer(run.dir, {
    ...answer,
    environment: {
      ...answer.environment,
      screen: {
        file: KNEE_SCREEN_FILE,
        start: r.screen.start,
        hours: r.screen.hours,
        threshold_km: r.screen.threshold_km,
        events: below?.events ?? r.events.length,
        totals: r.totals,
        perSatelliteYear: r.perSatelliteYear,
      },
    },
  });
  return join(run.dir, KNEE_SCREEN_FILE);
}

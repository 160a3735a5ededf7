/**
 * answer.json, the run's answer record: what the run recommends and how it stands, decided once when the run finishes
 * (./answer.ts) and read by every output that states it (the terminal card, report.html/report.md, the explorer's
 * header, `odc diff RUN:knee`, `odc export --design knee`) and by other tools (designs/schema/answer.schema.json).
 * The schema is the one definition of the format; the type is inferred from it. Figures carry their unit in the key or
 * beside the value; ratios are space / ground (< 1: space is cheaper). docs/developing.md §"The answer".
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import type { DeepReadonly } from '../../base/deepReadonly.js';
import { decisionSchema } from '../schemas.js';

export const ANSWER_FILE = 'answer.json';
export const ANSWER_FORMAT_VERSION = 1;

/** A number as JSON.stringify writes it: NaN and ±Infinity become null. */
const jsonNumber = lazy(() =>
  z.custom<number>((v) => v === null || typeof v === 'number', { message: 'expected a number or null' }),
);

/** A row of a budget table (src/run/answer/budgetRows.ts): what the report draws as it is. */
const budgetSectionSchema = lazy(() =>
  z.object({
    title: z.string(),
    rows: z.array(
      z.object({
        label: z.string(),
        value: z.string(),
        unit: z.string(),
        note: z.string().exactOptional(),
        x: jsonNumber().exactOptional(),
        key: z.string().exactOptional(),
      }),
    ),
  }),
);

/** One numbered step of a bridge: the figure after the step and the factor from the one before, with why. */
const bridgeStepSchema = lazy(() =>
  z.object({
    step: z.number().int().describe('Position in the bridge, from 1'),
    label: z.string(),
    factor: jsonNumber().nullable().describe('This value / the previous step value; null for the first step [-]'),
    value: jsonNumber(),
    unit: z.string(),
    why: z.string(),
  }),
);
export type BridgeStep = z.output<ReturnType<typeof bridgeStepSchema>>;

const intervalSchema = lazy(() =>
  z.object({
    successes: z.number(),
    trials: z.number(),
    estimate: z.number(),
    lower: z.number(),
    upper: z.number(),
    confidence: z.number(),
  }),
);

/** The recommended designs' margins and P(all hold), and the select: outcome (./robustness.ts), as the report draws. */
const robustnessSchema = lazy(() =>
  z.object({
    designs: z.array(
      z.object({
        label: z.string(),
        index: z.number(),
        margins: z.array(z.object({ name: z.string(), margin: jsonNumber() })),
        minMargin: jsonNumber(),
        binding: decisionSchema().shape.designs.element.shape.binding,
        joint: intervalSchema().nullable(),
        failedSamples: z.number(),
      }),
    ),
    sampling: z.object({ samples: z.number(), seed: z.number(), inputs: z.number() }).nullable(),
    notes: z.array(z.string()),
    select: z
      .object({
        rule: z.string(),
        position: z.number(),
        qualified: z.boolean(),
        meetingMargin: z.number().nullable(),
        sampled: z.number(),
        text: z.string(),
      })
      .nullable(),
  }),
);

/** A constellation's life, year by year, on the basis of its verdict (./lifeBasis.ts). */
const lifeBasisSchema = lazy(() =>
  z.object({
    baseline: z.string(),
    discountRate_per_yr: z.number(),
    years: z.array(
      z.object({
        groundYear_USD_per_PFLOP_day: jsonNumber(),
        groundToDate_USD_per_PFLOP_day: jsonNumber().nullable(),
        ratioToDate: jsonNumber().nullable(),
        verdictRatio: jsonNumber()
          .nullable()
          .exactOptional()
          .describe("The verdict's ratio that year: a generation built that year over the ground built that year [-]"),
      }),
    ),
    parityYear: z.number().nullable(),
    verdictParity: z.object({ statement: z.string(), year: z.number().nullable() }).nullable(),
  }),
);

/** A robust study's statistics of the recommended designs, with their sample count (./answer.ts robustStatistics). */
const robustSchema = lazy(() =>
  z.object({
    samples: z
      .number()
      .int()
      .describe("Uncertainty samples each robust statistic is over (the study's robust.samples)"),
    method: z.string().describe('How the samples are drawn (Latin hypercube or Monte Carlo), common to every design'),
    seed: z.number(),
    statistics: z.array(
      z.object({
        objective: z
          .string()
          .describe('The objective as the study names it, e.g. p90(cost.lcocDiscounted_USD_per_PFLOP_day)'),
        label: z.string().describe('e.g. "p90 cost of delivered compute (programme, discounted)"'),
        unit: z.string(),
        designs: z
          .array(z.object({ index: z.number(), value: jsonNumber(), nominal: jsonNumber().nullable() }))
          .describe(
            "Each of decision.designs in its order: the statistic over the samples and the nominal design's value",
          ),
      }),
    ),
  }),
);

/** Catalogue objects in a band of mean altitude, by operator (src/constellation/catalogue/occupancy.ts). */
const bandSchema = lazy(() =>
  z.object({
    low_km: z.number(),
    high_km: z.number(),
    objects: z.number().describe('Catalogue objects with mean altitude in [low_km, high_km) [-]'),
    byOperator: z.array(z.object({ operator: z.string(), objects: z.number() })),
  }),
);

/** The traffic where the recommended design flies (./environment.ts). */
const environmentSchema = lazy(() =>
  z.object({
    threshold_km: z.number().describe('Approaches are counted below this miss distance [km]'),
    approaches_per_sat_yr: jsonNumber().describe(
      "Estimated close approaches per satellite-year: the record's environment.catalogueApproaches_per_sat_yr [1/yr]",
    ),
    approaches_per_yr: jsonNumber().describe("The same for all the design's satellites [1/yr]"),
    satellites: z.number(),
    relativeError: z.number().describe("The estimate's stated accuracy against full screens, ± this fraction [-]"),
    calibration: z.string().describe('What the stated accuracy rests on'),
    shells: z.array(
      z.object({
        name: z.string(),
        altitude_km: z.number(),
        inclination_deg: z.number(),
        satellites: z.number(),
        approaches_per_sat_yr: jsonNumber(),
        band: bandSchema().describe("The catalogue objects within the band's half-width of the shell's altitude"),
      }),
    ),
    bandHalfWidth_km: z.number(),
    catalogue: z.object({
      files: z.array(z.string()),
      objects: z.number(),
      epochFirst: z.string(),
      epochMedian: z.string(),
      epochLast: z.string(),
      ageAtRun_d: jsonNumber()
        .nullable()
        .describe("Days from the catalogue's median epoch to the run's start (null: no start recorded) [d]"),
    }),
    histogram: z
      .object({
        from_km: z.number(),
        step_km: z.number(),
        operators: z.array(z.string()),
        counts: z.array(z.array(z.number())).describe('counts[operator][bin]: objects per bin of mean altitude'),
      })
      .describe("Objects per step_km of mean altitude by operator around the design's shells"),
    screen: z
      .object({
        file: z.string().describe('The screen result beside answer.json (odc screen --json)'),
        start: z.string(),
        hours: z.number(),
        threshold_km: z.number(),
        events: z.number().describe('Approaches below threshold_km [-]'),
        totals: z.array(z.object({ below_km: z.number(), events: z.number(), perSatelliteYear: z.number() })),
        perSatelliteYear: z.number(),
      })
      .nullable()
      .describe('A full screen of the recommended design (odc screen RUN:knee), when one was run'),
    note: z.string(),
  }),
);
export type AnswerEnvironment = DeepReadonly<z.output<ReturnType<typeof environmentSchema>>>;

/** The answer's head: what is recommended and how it stands. */
const headFields = () => ({
  formatVersion: z.literal(ANSWER_FORMAT_VERSION),
  kind: z.enum(['node', 'constellation', 'benchmark']),
  study: z.string(),
  seeds: z.array(z.number()).describe('The seeds whose runs the answer is over (one: a single run)'),
  design: z
    .object({
      index: z.number().describe("Evaluation index (pareto.csv's index column; its seed's, in a multi-seed run)"),
      seed: z.number().exactOptional(),
      label: z
        .string()
        .describe('"Recommended", or what keeps it from being called so (src/run/decision/decisionText.ts)'),
      picked: z.string().describe('How it was picked: the knee method, a select: rule, a pick rule'),
      roles: z.array(z.string()),
      configuration: z.string(),
    })
    .nullable()
    .describe('The recommended design; null when the run has no answer (`noAnswer` says why)'),
  noAnswer: z.string().exactOptional(),
  figures: z.array(z.object({ label: z.string(), metric: z.string(), value: jsonNumber(), unit: z.string() })),
  nominalFigures: z.boolean().describe("Robust studies: the figures and the verdict are the nominal design's"),
  verdict: z
    .object({
      baseline: z.string(),
      ratio: jsonNumber().describe('Space / ground cost of delivered compute [-]'),
      space_USD_per_PFLOP_day: jsonNumber(),
      terrestrial_USD_per_PFLOP_day: jsonNumber(),
      basis: z.enum(['discounted', 'undiscounted']),
      why: z.string().describe('What the basis is'),
      parity: z.string().exactOptional(),
      scenarios: z.array(z.object({ baseline: z.string(), ratio: jsonNumber() })),
    })
    .nullable(),
  joint: z
    .object({
      estimate: z.number(),
      lower: z.number(),
      upper: z.number(),
      interval: z.string().describe('The interval and its confidence level'),
      samples: z.number(),
      method: z.string(),
      seed: z.number(),
      inputs: z.array(z.string()).describe('The compliance inputs sampled, by path (empty when not recorded)'),
      inputCount: z.number(),
    })
    .nullable()
    .describe('P(all hold) of the recommended design: its requirements and every enforced check at once'),
  jointNone: z.string().nullable(),
  robust: robustSchema()
    .exactOptional()
    .describe("A robust study: each robust objective's statistic for the recommended designs, with its sample count"),
  margins: z.object({
    smallest: jsonNumber().nullable().describe('Smallest relative margin, sizing closures aside [-]'),
    tightest: z.array(z.string()),
    binds: z.string().describe('What binds the design, in words'),
    binding: z.array(z.object({ name: z.string(), margin: jsonNumber() })),
  }),
});

/** What explains the answer: the bridges, the front, the references, what the report draws. */
const detailFields = () => ({
  costBridge: z.array(bridgeStepSchema()).describe('First unit → programme → discounted → the verdict'),
  hypervolumes: z.array(z.object({ scope: z.string(), value: z.number(), normalization: z.string() })),
  seedAgreement: z
    .object({
      agree: z.boolean(),
      verdict: z.string(),
      knees: z.array(
        z.object({
          seed: z.number(),
          index: z.number().describe("The seed's own pick: its evaluation index"),
          configuration: z.string().exactOptional(),
          joint: z.number().nullable().exactOptional().describe("P(all hold) of the seed's pick, as its answer.json"),
        }),
      ),
    })
    .describe("A multi-seed run: whether the seeds agree, and each seed's own pick")
    .exactOptional(),
  spread: z
    .string()
    .describe(
      "A multi-seed run: its front's spread over the seeds and the uncertain inputs in one line (attainment.json)",
    )
    .exactOptional(),
  references: z.array(
    z.object({
      label: z.string(),
      file: z
        .string()
        .describe("Its design file: a shipped one relative to odc's folder (designs/ai1.yaml), else as given"),
      objectives: z.record(z.string(), jsonNumber()),
      offFront: z.string().describe('Why it is not on the front'),
      constraints: z.array(z.object({ name: z.string(), enforced: z.boolean(), description: z.string() })),
    }),
  ),
  constellation: z
    .object({ bridge: z.array(bridgeStepSchema()), lifeBasis: lifeBasisSchema().nullable() })
    .exactOptional()
    .describe("A constellation's bridge from its nodes' verdict to its own, and its life on the verdict's basis"),
  decision: decisionSchema().describe('The decision in full (run.json `decision`), shadow prices included'),
  picks: z.array(z.object({ label: z.string(), selector: z.string(), position: z.number() })),
  robustness: robustnessSchema().nullable(),
  costBreakdown: budgetSectionSchema().nullable(),
  environment: environmentSchema()
    .exactOptional()
    .describe('The traffic where the recommended design flies: estimate, band occupants, catalogue, screen'),
  notes: z.array(z.string()),
});

export const answerSchema = lazy(() => z.object({ ...headFields(), ...detailFields() }));
export type Answer = DeepReadonly<z.output<ReturnType<typeof answerSchema>>>;
export type AnswerRobustness = NonNullable<Answer['robustness']>;
export type AnswerReference = Answer['references'][number];
export type LifeBasisRecord = NonNullable<NonNullable<Answer['constellation']>['lifeBasis']>;

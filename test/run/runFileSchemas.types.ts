/**
 * Compile-time check (run by `npm run typecheck` and the build, not by vitest) that what odc writes into a run
 * folder passes the schemas that read it back (src/run/schemas.ts). Those schemas check rather than define: they
 * name only the fields readers rely on and let the rest through, so older and newer run folders still load, and the
 * written types (RunMeta, Checkpoint, DecisionSummary) stay the full definitions. This keeps the two from drifting
 * apart: a field renamed or retyped on one side and not the other fails the type-check here.
 */
import type * as z from 'zod';
import type { RunMeta } from '../../src/run/results.js';
import type { Checkpoint } from '../../src/run/checkpoint.js';
import type { DecisionSummary } from '../../src/run/recommend.js';
import type { checkpointSchema, decisionSchema, runMetaSchema } from '../../src/run/schemas.js';

/** What a schema checks, without the index signatures of its loose objects (extra fields pass), read-only. */
type Checked<T> = T extends readonly (infer E)[]
  ? readonly Checked<E>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: Checked<T[K]> }
    : T;
/** Compiles only when every value of type `Written` passes a schema whose input type is `Input`. */
type Passes<Input, Written extends Checked<Input>> = Written;

export type RunJsonPasses = Passes<z.input<ReturnType<typeof runMetaSchema>>, RunMeta>;
export type CheckpointJsonPasses = Passes<
  z.input<ReturnType<typeof checkpointSchema>>,
  Checkpoint & { readonly checksum: string }
>;
export type DecisionPasses = Passes<z.input<ReturnType<typeof decisionSchema>>, DecisionSummary>;

// The check can fail: a run.json without the startedAt the reader requires is refused.
// @ts-expect-error startedAt is missing
export type RunJsonWithoutStart = Passes<z.input<ReturnType<typeof runMetaSchema>>, Omit<RunMeta, 'startedAt'>>;

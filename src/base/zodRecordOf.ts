/**
 * Cheap zod checks for JSON objects of plain values, for files read per design (pareto.json): one `every` over the
 * values instead of zod's record parse per entry, several times cheaper. JSON gives only finite numbers, so `typeof`
 * is z.number()'s test here.
 */
import * as z from 'zod';
import { lazy } from './lazy.js';

/** An object whose values all pass `ok`; the message names `what` it expected. */
export const recordOf = <T>(what: string, ok: (v: unknown) => v is T): z.ZodType<Record<string, T>> =>
  z.custom<Record<string, T>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(ok),
    { message: `expected an object of ${what}` },
  );

/** An object of numbers. */
export const numberRecord = lazy(() => recordOf('numbers', (v): v is number => typeof v === 'number'));

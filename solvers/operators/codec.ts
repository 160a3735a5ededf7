/**
 * JSON-safe encoding for algorithm snapshots: finite doubles stay numbers; +-Infinity, NaN and -0
 * become the strings 'Infinity', '-Infinity', 'NaN', '-0' (so JSON round trips are bit-exact);
 * typed arrays become plain arrays.
 */
import type { Individual } from '../types.js';

export type EncodedNumber = number | 'Infinity' | '-Infinity' | 'NaN' | '-0';

export function encodeNumber(v: number): EncodedNumber {
  if (Number.isFinite(v)) return Object.is(v, -0) ? '-0' : v;
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? 'Infinity' : '-Infinity';
}

export function decodeNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  switch (v) {
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case 'NaN':
      return NaN;
    case '-0':
      return -0;
    default:
      throw new TypeError(`snapshot: cannot decode number ${JSON.stringify(v)}`);
  }
}

export function encodeArray(a: ArrayLike<number>): EncodedNumber[] {
  const out: EncodedNumber[] = new Array<EncodedNumber>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = encodeNumber(a[i]!);
  return out;
}

export function decodeFloat64(v: unknown): Float64Array {
  if (!Array.isArray(v)) throw new TypeError('snapshot: expected an array of numbers');
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = decodeNumber(v[i]);
  return out;
}

export interface EncodedIndividual {
  readonly x: EncodedNumber[];
  readonly f: EncodedNumber[];
  readonly g: EncodedNumber[];
  readonly cv: EncodedNumber;
  readonly evalIndex: number;
  readonly failure?: string;
}

export function encodeIndividual(ind: Individual): EncodedIndividual {
  const base = {
    x: encodeArray(ind.x),
    f: encodeArray(ind.f),
    g: encodeArray(ind.g),
    cv: encodeNumber(ind.cv),
    evalIndex: ind.evalIndex,
  };
  return ind.failure !== undefined ? { ...base, failure: ind.failure } : base;
}

export function decodeIndividual(v: unknown): Individual {
  if (typeof v !== 'object' || v === null) throw new TypeError('snapshot: expected an individual');
  const o = v as Record<string, unknown>;
  const base = {
    x: decodeFloat64(o['x']),
    f: decodeFloat64(o['f']),
    g: decodeFloat64(o['g']),
    cv: decodeNumber(o['cv']),
    evalIndex: Number(o['evalIndex']),
  };
  return typeof o['failure'] === 'string' ? { ...base, failure: o['failure'] } : base;
}

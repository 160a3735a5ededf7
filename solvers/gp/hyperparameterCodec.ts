/** GP hyperparameters in an algorithm snapshot (length scales with the codec's exact number encoding). */
import type { GpHyperparameters } from './gp.js';
import { decodeFloat64, encodeArray, type EncodedNumber } from '../operators/codec.js';

type EncodedHyper = { lengthScales: EncodedNumber[]; signalVariance: number; noiseVariance: number } | null;

export function encodeHyper(h: GpHyperparameters | null): EncodedHyper {
  return h === null
    ? null
    : { lengthScales: encodeArray(h.lengthScales), signalVariance: h.signalVariance, noiseVariance: h.noiseVariance };
}

export function decodeHyper(v: unknown): GpHyperparameters | null {
  const h = v as EncodedHyper;
  return h === null
    ? null
    : { lengthScales: decodeFloat64(h.lengthScales), signalVariance: h.signalVariance, noiseVariance: h.noiseVariance };
}

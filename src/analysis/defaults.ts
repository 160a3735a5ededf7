/**
 * Default settings of odc uncertainty and odc sensitivity, in a module of their own: the CLI prints them in its
 * help text at every start, without loading the analyses (their models, samplers and reports) to do so.
 */
import type { AnalysisDefaults } from './analysisModel.js';

/** Default sample count of node designs (constellations: CONSTELLATION_DEFAULTS). */
export const DEFAULT_UNCERTAINTY_SAMPLES = 1000;
export const DEFAULT_SEED = 1;

export const SENSITIVITY_METHODS = ['tornado', 'sobol', 'all'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];
/** Default Sobol' base rows of node designs (constellations: CONSTELLATION_DEFAULTS). */
export const DEFAULT_SOBOL_SAMPLES = 512;

/** A constellation evaluation takes 0.1 s to several seconds: small default sample counts. */
export const CONSTELLATION_DEFAULTS: AnalysisDefaults = {
  uncertaintySamples: 64,
  sobolSamples: 32,
  breakEvenPoints: 32,
  why: 'the default for constellation files, whose evaluations are slow; set --samples for more',
};

/**
 * satellite.js (SGP4/SDP4, Sun position; Vallado et al., AIAA 2006-6753), loaded on first use: an ES module that
 * took ~22 ms of every command's start (measured, `odc --version` profile), which commands that propagate no orbit
 * (a benchmark study, odc --version) should not pay. Node 20.19+ loads ES modules with require().
 */
import { createRequire } from 'node:module';

export type SatelliteJs = typeof import('satellite.js');
let lib: SatelliteJs | undefined;

export const satelliteJs = (): SatelliteJs => (lib ??= createRequire(import.meta.url)('satellite.js') as SatelliteJs);

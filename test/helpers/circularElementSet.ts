/**
 * A circular orbit as an OMM element set at a given epoch, written by hand for the catalogue screen's tests and
 * benchmark: mean motion from Kepler's third law on SGP4's own WGS-72 radius and GM (Vallado et al. 2006), near-zero
 * eccentricity, no drag terms.
 */
import type { ElementSet } from '../../src/constellation/catalogue/elementSets.js';

const RE_WGS72_km = 6378.135; // SGP4's Earth radius (WGS-72, Vallado et al. 2006)
const MU_WGS72_km3_s2 = 398600.8; // SGP4's GM (WGS-72, Vallado et al. 2006)

/** `name`/`norad` on a circular orbit of `alt_km` at `inc_deg`, RAAN `raan_deg`, mean anomaly `m_deg` at `epoch_ms`. */
export function circularElementSet(
  name: string,
  norad: number,
  orbit: { alt_km: number; inc_deg: number; raan_deg: number; m_deg: number },
  epoch_ms: number,
): ElementSet {
  const a = RE_WGS72_km + orbit.alt_km;
  const n_rev_day = (Math.sqrt(MU_WGS72_km3_s2 / a ** 3) * 86400) / (2 * Math.PI);
  const omm = {
    OBJECT_NAME: name,
    EPOCH: new Date(epoch_ms).toISOString().slice(0, -1),
    MEAN_MOTION: n_rev_day,
    ECCENTRICITY: 1e-4,
    INCLINATION: orbit.inc_deg,
    RA_OF_ASC_NODE: orbit.raan_deg,
    ARG_OF_PERICENTER: 0,
    MEAN_ANOMALY: orbit.m_deg,
    NORAD_CAT_ID: norad,
    BSTAR: 0,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  };
  return { norad, name, epoch_ms, source: { omm } };
}

import type { LinkTerminalRow } from '../../src/constellation/links/links.js';
import type { LinkRateCoefficients } from '../../src/models/links/linkBudget.js';

/** A 100 Gbps class terminal (catalog row isl-100g). */
export const isl100g: LinkTerminalRow = {
  capacity_Gbps: 100,
  range_km: 5000,
  transmitPower_W: 2.5,
  apertureDiameter_m: 0.12,
  wavelength_nm: 1550,
  receiverSensitivity_photonsPerBit: 40,
  maxSlewRate_deg_s: 1,
};

/** The short-range, 9.6 Tbps terminal of a Suncatcher-style cluster (row suncatcher-dwdm): 1 km range, 24 mW. */
export const clusterTerminal: LinkTerminalRow = {
  ...isl100g,
  capacity_Gbps: 9600,
  range_km: 1,
  transmitPower_W: 0.024,
  apertureDiameter_m: 0.1,
  receiverSensitivity_photonsPerBit: 1200,
};

/**
 * Link-rate coefficients of a beam with no Rayleigh range: rate(d) = min(capacity, fullCollectionRate · (1 −
 * exp(−ff/d²))), which is fullCollectionRate · ff / d² in the far field (photon energy 1e-19 J, 1 W delivered).
 */
export const beamRate = (
  farFieldFraction_m2: number,
  fullCollectionRate_bps: number,
  capacity_bps: number,
): LinkRateCoefficients =>
  ({
    farFieldFraction_m2,
    rayleighRange_m: 0,
    fullCollectionRate_bps,
    photonEnergy_J: 1e-19,
    deliverablePower_W: 1,
    capacity_bps,
  }) as LinkRateCoefficients;

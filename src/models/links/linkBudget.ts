/**
 * Optical inter-satellite link budget: received power and data rate of one free-space laser link
 * between two identical terminals.
 *
 * Method (Hemmati, "Near-Earth Laser Communications", 2nd ed., CRC 2020, ch. 1–2: the free-space
 * optical range equation and its gain terms)
 *   P_r = P_t · η_t · η_r · L_p · G_t · G_r · (λ / 4πd)²,   G = (πD/λ)²
 * G is the diffraction-limited on-axis gain of a uniformly illuminated circular aperture; the loss of a
 * truncated Gaussian beam (≈ 0.81, Klein & Degnan, Appl. Opt. 13, 2134, 1974) sits in η_t. The product
 * f = G_t·G_r·(λ/4πd)² = (π·D_t·D_r / 4λd)² is the fraction of the transmitted power the receive aperture
 * collects. It is a far-field (Fraunhofer) result: inside the Fresnel range (~D²/λ, ≈ 6.5 km for a 10 cm
 * aperture at 1550 nm) the beam is no wider than the receiver and f → 1, never more. Received power
 * therefore falls as 1/d² only beyond the Fresnel limit, which is why ~100–200 m formations close
 * multi-Tbps DWDM links with COTS transceivers (Suncatcher, arXiv:2511.19468). Here f = min(1, far-field f).
 * Rate: R = P_r / (N_ppb · hν), hν = hc/λ, N_ppb the receiver sensitivity in photons per bit at the
 * design bit-error rate (preamplified and coherent receivers need a few tens of photons per bit:
 * Caplan, "Laser communication transmitter and receiver design", J. Opt. Fiber Commun. Rep. 4, 2007);
 * the result is capped at the terminal's rated capacity (modem / DWDM channels × channel rate).
 *
 * Validity: vacuum path (no atmosphere), both terminals alike, ideal tracking apart from the pointing
 * factor L_p; no background light, no point-ahead or Doppler penalty. The default efficiencies are
 * estimates (below).
 */
import { positive } from '../validate.js';

/** Planck constant [J s] and speed of light [m/s] — exact SI 2019 definitions. */
const PLANCK_J_s = 6.62607015e-34;
const LIGHT_SPEED_m_s = 299792458;

/** Default transmit efficiency: 0.81 Gaussian truncation (Klein & Degnan 1974) × 0.8 optics throughput. estimate. */
export const DEFAULT_TRANSMIT_EFFICIENCY = 0.65;
/** Default receive efficiency: ~0.8 telescope throughput incl. obscuration × ~0.8 fibre/detector coupling. estimate. */
export const DEFAULT_RECEIVE_EFFICIENCY = 0.65;
/** Default pointing-loss factor: −1 dB mean tracking loss of a fine-pointing loop. estimate. */
export const DEFAULT_POINTING_LOSS = 0.8;

/** One optical terminal, SI. */
export interface OpticalTerminal {
  /** Mean optical transmit power at the aperture [W]. */
  readonly transmitPower_W: number;
  readonly apertureDiameter_m: number;
  readonly wavelength_m: number;
  /** Receiver sensitivity [photons per bit] at the design bit-error rate. */
  readonly sensitivity_photonsPerBit: number;
  /** Rated user data rate, one direction [bit/s]. */
  readonly capacity_bps: number;
}

/** The catalog fields (`isl-terminals.yaml`, user units) the link budget reads. */
export interface OpticalTerminalRow {
  readonly capacity_Gbps: number;
  readonly transmitPower_W: number;
  readonly apertureDiameter_m: number;
  readonly wavelength_nm: number;
  readonly receiverSensitivity_photonsPerBit: number;
}

/** SI terminal from a catalog row. */
export function opticalTerminalFromRow(row: Readonly<OpticalTerminalRow>): OpticalTerminal {
  return {
    transmitPower_W: row.transmitPower_W,
    apertureDiameter_m: row.apertureDiameter_m,
    wavelength_m: row.wavelength_nm * 1e-9,
    sensitivity_photonsPerBit: row.receiverSensitivity_photonsPerBit,
    capacity_bps: row.capacity_Gbps * 1e9,
  };
}

export interface LinkBudgetParams {
  readonly terminal: Readonly<OpticalTerminal>;
  /** Link distance [m]. */
  readonly range_m: number;
  readonly transmitEfficiency?: number;
  readonly receiveEfficiency?: number;
  readonly pointingLoss?: number;
}

/**
 * Range-independent factors of a link: rate(d) = min(capacity, fullCollectionRate · min(1, farFieldFraction_m2 / d²)).
 */
export interface LinkRateCoefficients {
  /** Far-field collected fraction times d²: (π·D²/4λ)² [m²]. */
  readonly farFieldFraction_m2: number;
  /** Rate if the receiver collected the whole beam [bit/s] (uncapped). */
  readonly fullCollectionRate_bps: number;
  readonly photonEnergy_J: number;
  /** P_t · η_t · η_r · L_p [W]. */
  readonly deliverablePower_W: number;
  readonly capacity_bps: number;
  /** Fresnel range D²/λ [m]: below it the far-field formula no longer holds. */
  readonly fresnelRange_m: number;
}

export interface LinkBudgetResult {
  readonly range_m: number;
  readonly collectedFraction: number;
  /** True when the far-field fraction exceeded 1 and was capped (near field). */
  readonly nearFieldCapped: boolean;
  readonly receivedPower_W: number;
  readonly photonEnergy_J: number;
  readonly uncappedRate_bps: number;
  readonly rate_bps: number;
  /** True when the terminal's rated capacity limits the rate. */
  readonly capacityLimited: boolean;
}

function checkTerminal(t: Readonly<OpticalTerminal>): void {
  positive('terminal.transmitPower_W', t.transmitPower_W);
  positive('terminal.apertureDiameter_m', t.apertureDiameter_m);
  positive('terminal.wavelength_m', t.wavelength_m);
  positive('terminal.sensitivity_photonsPerBit', t.sensitivity_photonsPerBit);
  positive('terminal.capacity_bps', t.capacity_bps);
}

function efficiency(name: string, v: number | undefined, fallback: number): number {
  const e = v ?? fallback;
  if (!(e > 0 && e <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${e}`);
  return e;
}

/** The range-independent factors of a link between two of these terminals (for fast per-sample rates). */
export function linkRateCoefficients(p: Readonly<Omit<LinkBudgetParams, 'range_m'>>): LinkRateCoefficients {
  const t = p.terminal;
  checkTerminal(t);
  const eta =
    efficiency('transmitEfficiency', p.transmitEfficiency, DEFAULT_TRANSMIT_EFFICIENCY) *
    efficiency('receiveEfficiency', p.receiveEfficiency, DEFAULT_RECEIVE_EFFICIENCY) *
    efficiency('pointingLoss', p.pointingLoss, DEFAULT_POINTING_LOSS);
  const D = t.apertureDiameter_m,
    lambda = t.wavelength_m;
  const photonEnergy_J = (PLANCK_J_s * LIGHT_SPEED_m_s) / lambda;
  const deliverablePower_W = t.transmitPower_W * eta;
  const g = (Math.PI * D * D) / (4 * lambda);
  return {
    farFieldFraction_m2: g * g,
    fullCollectionRate_bps: deliverablePower_W / (t.sensitivity_photonsPerBit * photonEnergy_J),
    photonEnergy_J,
    deliverablePower_W,
    capacity_bps: t.capacity_bps,
    fresnelRange_m: (D * D) / lambda,
  };
}

/** Capped data rate [bit/s] at range d [m] from precomputed coefficients (hot path: no checks, no allocation). */
export function linkRate_bps(c: Readonly<LinkRateCoefficients>, range_m: number): number {
  const f = Math.min(1, c.farFieldFraction_m2 / (range_m * range_m));
  return Math.min(c.capacity_bps, c.fullCollectionRate_bps * f);
}

/** Received power and data rate of one link. */
export function opticalLinkBudget(p: Readonly<LinkBudgetParams>): LinkBudgetResult {
  positive('range_m', p.range_m);
  const c = linkRateCoefficients(p);
  const farField = c.farFieldFraction_m2 / (p.range_m * p.range_m);
  const collectedFraction = Math.min(1, farField);
  const receivedPower_W = c.deliverablePower_W * collectedFraction;
  const uncappedRate_bps = c.fullCollectionRate_bps * collectedFraction;
  return {
    range_m: p.range_m,
    collectedFraction,
    nearFieldCapped: farField > 1,
    receivedPower_W,
    photonEnergy_J: c.photonEnergy_J,
    uncappedRate_bps,
    rate_bps: Math.min(c.capacity_bps, uncappedRate_bps),
    capacityLimited: uncappedRate_bps > c.capacity_bps,
  };
}

/**
 * Optical link budget: received power and data rate of one free-space laser link, with its losses and margins.
 * By default both ends carry the same terminal (an inter-satellite link); a link may also name the far end's receive
 * aperture and the transmitted beam's divergence (a space-to-ground downlink, a defocused beam).
 *
 * Method (Hemmati, "Near-Earth Laser Communications", 2nd ed., CRC 2020, ch. 1–2):
 *   P_r = P_t · η_t · η_r · L_p · L_impl · L_margin · L_atm · f(d),   f(d) = 1 − exp(−2a_r² / w(d)²)
 * (Gaussian beam, Siegman, "Lasers", 1986, §17.1, eq. 17.12; default waist from Klein & Degnan, Appl. Opt. 13, 2134,
 * 1974), pointing L_p = 1 / (1 + 4σ²/θ²) (Chen & Gardner, IEEE Trans. Commun. 37(3), 252, 1989);
 * rate R = P_r / (N_ppb · hν), capped at the terminal's rated capacity.
 * Validity: coaxial, collected power counts (no range-dependent coupling penalty), no background light, no
 * point-ahead or Doppler penalty. The default efficiencies and margins are estimates (below).
 * Derivation, evidence and costs: docs/models.md §"Optical link budget"; docs/approximations.md.
 */
import { SPEED_OF_LIGHT_m_s } from '../../base/constants.js';
import { positive } from '../validate.js';

/** Planck constant [J s] — exact SI 2019 definition. */
const PLANCK_J_s = 6.62607015e-34;

/**
 * Far-field on-axis gain of the optimally truncated Gaussian aperture relative to a uniformly illuminated one (a/w =
 * 1.12, no obscuration): Klein & Degnan, Appl. Opt. 13, 2134 (1974).
 */
export const TRUNCATED_GAUSSIAN_GAIN = 0.8145;
/** Default transmit efficiency: ~0.8 optics throughput (the truncation loss is in the beam's gain). estimate. */
export const DEFAULT_TRANSMIT_EFFICIENCY = 0.8;
/** Default receive efficiency: ~0.8 telescope throughput incl. obscuration × ~0.8 fibre/detector coupling. estimate. */
export const DEFAULT_RECEIVE_EFFICIENCY = 0.65;
/**
 * Default implementation loss [dB]: 3 dB. estimate: wavefront error, polarisation, ageing and modem penalties that
 * the efficiencies and the photons-per-bit rating leave out; deep-space and near-Earth optical budgets carry 1–3 dB
 * for these (Hemmati 2020, ch. 1–2).
 */
export const DEFAULT_IMPLEMENTATION_LOSS_dB = 3;
/** Default system margin [dB]: 3 dB, the usual required margin of a closed link budget (Hemmati 2020, ch. 1). */
export const DEFAULT_LINK_MARGIN_dB = 3;
/**
 * Default pointing jitter [rad], rms per axis: 1 µrad. estimate: fine-pointing loops of LEO–GEO terminals hold
 * sub-µrad to µrad jitter (Tesat LCT class); 0.2 dB on a 135 mm, 1064 nm beam, 0.07 dB on 10 cm at 1550 nm.
 */
export const DEFAULT_POINTING_JITTER_rad = 1e-6;
/** Default atmospheric loss [dB]: 0 (inter-satellite links cross vacuum). */
export const DEFAULT_ATMOSPHERIC_LOSS_dB = 0;

/** Losses and margins of a link, each optional (the defaults above). */
export interface LinkLosses {
  readonly implementationLoss_dB?: number;
  readonly linkMargin_dB?: number;
  /** Rms pointing error per axis [rad]. */
  readonly pointingJitter_rad?: number;
  readonly atmosphericLoss_dB?: number;
}

/** One optical terminal, SI, with the losses of the links it closes. */
export interface OpticalTerminal extends LinkLosses {
  /** Mean optical transmit power at the aperture [W]. */
  readonly transmitPower_W: number;
  readonly apertureDiameter_m: number;
  readonly wavelength_m: number;
  /** Receiver sensitivity [photons per bit] at the design bit-error rate. */
  readonly sensitivity_photonsPerBit: number;
  /** Rated user data rate, one direction [bit/s]. */
  readonly capacity_bps: number;
  /**
   * 1/e² half-angle divergence of the transmitted beam [rad]; default: the diffraction-limited beam of the optimally
   * truncated aperture, λ/(π·a·√(g/2)). A wider (defocused) beam only: no aperture transmits a narrower one.
   */
  readonly divergence_rad?: number;
  /** Receive aperture diameter of the far end [m]; default: apertureDiameter_m (the same terminal at both ends). */
  readonly receiveApertureDiameter_m?: number;
}

/**
 * The catalog fields (`isl-terminals.yaml`, user units) the link budget reads, and the link-loss design keys (`isl.*`)
 * the constellation compiler adds to them.
 */
export interface OpticalTerminalRow {
  readonly capacity_Gbps: number;
  readonly transmitPower_W: number;
  readonly apertureDiameter_m: number;
  readonly wavelength_nm: number;
  readonly receiverSensitivity_photonsPerBit: number;
  readonly implementationLoss_dB?: number;
  readonly linkMargin_dB?: number;
  readonly pointingJitter_urad?: number;
  readonly atmosphericLoss_dB?: number;
}

/** SI terminal from a catalog row (with any link-loss keys). */
export function opticalTerminalFromRow(row: Readonly<OpticalTerminalRow>): OpticalTerminal {
  return {
    transmitPower_W: row.transmitPower_W,
    apertureDiameter_m: row.apertureDiameter_m,
    wavelength_m: row.wavelength_nm * 1e-9,
    sensitivity_photonsPerBit: row.receiverSensitivity_photonsPerBit,
    capacity_bps: row.capacity_Gbps * 1e9,
    ...(row.implementationLoss_dB === undefined ? {} : { implementationLoss_dB: row.implementationLoss_dB }),
    ...(row.linkMargin_dB === undefined ? {} : { linkMargin_dB: row.linkMargin_dB }),
    ...(row.pointingJitter_urad === undefined ? {} : { pointingJitter_rad: row.pointingJitter_urad * 1e-6 }),
    ...(row.atmosphericLoss_dB === undefined ? {} : { atmosphericLoss_dB: row.atmosphericLoss_dB }),
  };
}

export interface LinkBudgetParams {
  readonly terminal: Readonly<OpticalTerminal>;
  /** Link distance [m]. */
  readonly range_m: number;
  readonly transmitEfficiency?: number;
  readonly receiveEfficiency?: number;
}

/**
 * Range-independent factors of a link: rate(d) = min(capacity, fullCollectionRate · f(d)) with the Gaussian-beam
 * collected fraction f(d) = 1 − exp(−farFieldFraction_m2 / (d² + rayleighRange_m²)).
 */
export interface LinkRateCoefficients {
  /** (2a_r²/w0²)·z_R² [m²]: the far-field collected fraction times d² (g·(πD²/4λ)² for equal apertures). */
  readonly farFieldFraction_m2: number;
  /** Rayleigh range z_R = π·w0²/λ of the transmitted beam [m]. */
  readonly rayleighRange_m: number;
  /** Rate if the receiver collected the whole beam [bit/s] (uncapped). */
  readonly fullCollectionRate_bps: number;
  readonly photonEnergy_J: number;
  /** P_t · η_t · η_r · L_p · L_impl · L_margin · L_atm [W]. */
  readonly deliverablePower_W: number;
  readonly capacity_bps: number;
  /** Mean pointing loss factor L_p. */
  readonly pointingLoss: number;
  /** 1/e² half-angle divergence of the transmitted beam [rad]. */
  readonly divergence_rad: number;
}

export interface LinkBudgetResult {
  readonly range_m: number;
  readonly collectedFraction: number;
  /** True inside the Rayleigh range, where the far-field 1/d² law no longer holds. */
  readonly nearField: boolean;
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
  if (t.receiveApertureDiameter_m !== undefined)
    positive('terminal.receiveApertureDiameter_m', t.receiveApertureDiameter_m);
}

/** Waist of the transmitted Gaussian [m]: the truncated-aperture beam, or the one of the given wider divergence. */
function beamWaist_m(t: Readonly<OpticalTerminal>): number {
  const apertureWaist_m = (t.apertureDiameter_m / 2) * Math.sqrt(TRUNCATED_GAUSSIAN_GAIN / 2);
  if (t.divergence_rad === undefined) return apertureWaist_m;
  const limit_rad = t.wavelength_m / (Math.PI * apertureWaist_m);
  if (!(t.divergence_rad >= limit_rad && t.divergence_rad < 0.1))
    throw new RangeError(
      `terminal.divergence_rad must be at least the aperture's diffraction limit ${limit_rad} rad and below 0.1, ` +
        `got ${t.divergence_rad}`,
    );
  return t.wavelength_m / (Math.PI * t.divergence_rad);
}

function efficiency(name: string, v: number | undefined, fallback: number): number {
  const e = v ?? fallback;
  if (!(e > 0 && e <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${e}`);
  return e;
}

/** Power factor of a loss in dB (0 … 60 dB accepted). */
function lossFactor(name: string, v: number | undefined, fallback: number): number {
  const dB = v ?? fallback;
  if (!(dB >= 0 && dB <= 60)) throw new RangeError(`terminal.${name} must be in [0, 60] dB, got ${dB}`);
  return 10 ** (-dB / 10);
}

/** Mean pointing loss 1/(1 + 4σ²/θ²) (Chen & Gardner 1989) at rms jitter σ per axis and divergence θ. */
export function pointingLoss(jitter_rad: number, divergence_rad: number): number {
  if (!(jitter_rad >= 0 && jitter_rad < 1e-2))
    throw new RangeError(`terminal.pointingJitter_rad must be in [0, 0.01) rad, got ${jitter_rad}`);
  const r = jitter_rad / divergence_rad;
  return 1 / (1 + 4 * r * r);
}

/** The range-independent factors of a link between two of these terminals (for fast per-sample rates). */
export function linkRateCoefficients(p: Readonly<Omit<LinkBudgetParams, 'range_m'>>): LinkRateCoefficients {
  const t = p.terminal;
  checkTerminal(t);
  const receiveRadius_m = (t.receiveApertureDiameter_m ?? t.apertureDiameter_m) / 2,
    lambda = t.wavelength_m;
  const w0 = beamWaist_m(t);
  const rayleighRange_m = (Math.PI * w0 * w0) / lambda;
  const divergence_rad = lambda / (Math.PI * w0);
  const Lp = pointingLoss(t.pointingJitter_rad ?? DEFAULT_POINTING_JITTER_rad, divergence_rad);
  const eta =
    efficiency('transmitEfficiency', p.transmitEfficiency, DEFAULT_TRANSMIT_EFFICIENCY) *
    efficiency('receiveEfficiency', p.receiveEfficiency, DEFAULT_RECEIVE_EFFICIENCY) *
    Lp *
    lossFactor('implementationLoss_dB', t.implementationLoss_dB, DEFAULT_IMPLEMENTATION_LOSS_dB) *
    lossFactor('linkMargin_dB', t.linkMargin_dB, DEFAULT_LINK_MARGIN_dB) *
    lossFactor('atmosphericLoss_dB', t.atmosphericLoss_dB, DEFAULT_ATMOSPHERIC_LOSS_dB);
  const photonEnergy_J = (PLANCK_J_s * SPEED_OF_LIGHT_m_s) / lambda;
  const deliverablePower_W = t.transmitPower_W * eta;
  return {
    farFieldFraction_m2: ((2 * receiveRadius_m * receiveRadius_m) / (w0 * w0)) * rayleighRange_m * rayleighRange_m,
    rayleighRange_m,
    fullCollectionRate_bps: deliverablePower_W / (t.sensitivity_photonsPerBit * photonEnergy_J),
    photonEnergy_J,
    deliverablePower_W,
    capacity_bps: t.capacity_bps,
    pointingLoss: Lp,
    divergence_rad,
  };
}

/** Collected fraction 1 − exp(−2a_r²/w(d)²) from the coefficients. */
function collected(c: Readonly<LinkRateCoefficients>, range_m: number): number {
  const zR = c.rayleighRange_m;
  return -Math.expm1(-c.farFieldFraction_m2 / (range_m * range_m + zR * zR));
}

/** Capped data rate [bit/s] at range d [m] from precomputed coefficients (hot path: no checks, no allocation). */
export function linkRate_bps(c: Readonly<LinkRateCoefficients>, range_m: number): number {
  return Math.min(c.capacity_bps, c.fullCollectionRate_bps * collected(c, range_m));
}

/** Received power and data rate of one link. */
export function opticalLinkBudget(p: Readonly<LinkBudgetParams>): LinkBudgetResult {
  positive('range_m', p.range_m);
  const c = linkRateCoefficients(p);
  const collectedFraction = collected(c, p.range_m);
  const uncappedRate_bps = c.fullCollectionRate_bps * collectedFraction;
  return {
    range_m: p.range_m,
    collectedFraction,
    nearField: p.range_m < c.rayleighRange_m,
    receivedPower_W: c.deliverablePower_W * collectedFraction,
    photonEnergy_J: c.photonEnergy_J,
    uncappedRate_bps,
    rate_bps: Math.min(c.capacity_bps, uncappedRate_bps),
    capacityLimited: uncappedRate_bps > c.capacity_bps,
  };
}

/**
 * Range [m] up to which linkRate_bps is surely the terminal's capacity (0 when it never is): where the uncapped rate
 * exceeds the capacity by 1e-9 (far above rounding), found from the collected fraction 1 − exp(−F/(d² + z_R²)) and
 * checked against the rate itself. The uncapped rate falls with the range, so below it Math.min takes the capacity.
 */
export function cappedRange_m(c: Readonly<LinkRateCoefficients>): number {
  const target = (c.capacity_bps * (1 + 1e-9)) / c.fullCollectionRate_bps;
  if (!(target < 1)) return 0;
  const d2 = c.farFieldFraction_m2 / -Math.log1p(-target) - c.rayleighRange_m ** 2;
  if (!(d2 > 0)) return 0;
  const d = Math.sqrt(d2) * (1 - 1e-9);
  return c.fullCollectionRate_bps * collected(c, d) >= c.capacity_bps * (1 + 1e-10) ? d : 0;
}

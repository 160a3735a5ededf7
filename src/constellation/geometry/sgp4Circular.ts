/**
 * SGP4 (near-Earth branch) of the records odc propagates, circular with no drag, as satellite.js `sgp4` evaluates
 * it, bit for bit, without what those records never need.
 *
 * Method: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753 (sgp4), as
 * satellite.js (7.x) transcribes it: the same floating-point operations in the same order. Left out: the deep-space
 * branch (never taken: period < 225 min), the secular drag terms (every coefficient is 0 with B* = 0, and x·0 and
 * a + 0 are exact: mm, argpm, nodem, em and tempa come out as their undragged values, tempa = 1), the cos/sin of the
 * mean anomaly that feed only those zero terms, the mean-element record and the writes to the satrec.
 * Per record: only the mean anomaly `mo` and RAAN `nodeo` differ across one shell's satellites (propagate.ts
 * ommRecord), so one evaluator serves a shell; the argument of perigee's cos/sin depend on time alone and are kept
 * for the last time evaluated. Its remainders by 2π are base/remainder.ts's (x % y bit for bit, without a call to
 * the C library's fmod where the quotient is small). Validity: records for which `circularSgp4` returns an
 * evaluator (it checks every zero the method assumes); otherwise callers use satellite.js. Evidence:
 * test/constellation/geometry/sgp4Circular.test.ts (Object.is on every component against satellite.js over random
 * records and times).
 */
import type { SatRec } from 'satellite.js';
import { satelliteJs } from '../../base/satelliteJs.js';
import { S_PER_MIN } from '../../base/convert.js';
import { remainder } from '../../base/remainder.js';

/** SGP4 evaluator of the records that share a template's fields but mo and nodeo (header). */
export class CircularSgp4 {
  private readonly mdot: number;
  private readonly argpo: number;
  private readonly argpdot: number;
  private readonly nodedot: number;
  private readonly am: number;
  private readonly nm: number;
  private readonly em: number;
  private readonly inclm: number;
  private readonly sinip: number;
  private readonly cosip: number;
  private readonly aycof: number;
  private readonly xlcof: number;
  private readonly con41: number;
  private readonly x1mth2: number;
  private readonly x7thm1: number;
  private readonly sqrtAm: number;
  private readonly tempAm: number;
  private readonly twoPi: number;
  private readonly j2: number;
  private readonly xke: number;
  private readonly earthRadius: number;
  private readonly vkmpersec: number;
  /** The argument of perigee's state at the last time evaluated. */
  private lastT = NaN;
  private argpm = 0;
  private axnl = 0;
  private aynl = 0;
  /** The solved eccentric anomaly's sine and cosine. */
  private sineo1 = 0;
  private coseo1 = 0;

  constructor(rec: Readonly<SatRec>, mean: { am: number; nm: number; em: number }) {
    const c = satelliteJs().constants;
    this.mdot = rec.mdot;
    this.argpo = rec.argpo;
    this.argpdot = rec.argpdot;
    this.nodedot = rec.nodedot;
    this.am = mean.am;
    this.nm = mean.nm;
    this.em = mean.em;
    this.inclm = rec.inclo;
    this.sinip = Math.sin(rec.inclo);
    this.cosip = Math.cos(rec.inclo);
    this.aycof = rec.aycof;
    this.xlcof = rec.xlcof;
    this.con41 = rec.con41;
    this.x1mth2 = rec.x1mth2;
    this.x7thm1 = rec.x7thm1;
    this.sqrtAm = Math.sqrt(mean.am);
    this.tempAm = 1.0 / (mean.am * (1.0 - mean.em * mean.em));
    this.twoPi = c.twoPi;
    this.j2 = c.j2;
    this.xke = c.xke;
    this.earthRadius = c.earthRadius;
    this.vkmpersec = c.vkmpersec;
  }

  /**
   * TEME position [km] and velocity [km/s] of the record with mean anomaly `mo` and RAAN `nodeo` [rad] at `tsince`
   * [min] into out[o … o + 5], as satellite.js's sgp4 gives them; false where it returns null (decayed).
   */
  state(mo: number, nodeo: number, tsince: number, out: Float64Array, o: number): boolean {
    const twoPi = this.twoPi;
    // secular gravity (the drag terms are exact zeros, header)
    const xmdf = mo + this.mdot * tsince;
    const argpdf = this.argpo + this.argpdot * tsince;
    const nodedf = nodeo + this.nodedot * tsince;
    let nodem = nodedf;
    let xlm = xmdf + argpdf + nodem;
    nodem = remainder(nodem, twoPi);
    if (tsince !== this.lastT) {
      const argpm = remainder(argpdf, twoPi);
      this.argpm = argpm;
      this.axnl = this.em * Math.cos(argpm);
      this.aynl = this.em * Math.sin(argpm) + this.tempAm * this.aycof;
      this.lastT = tsince;
    }
    const argpp = this.argpm,
      axnl = this.axnl,
      aynl = this.aynl;
    xlm = remainder(xlm, twoPi);
    const mp = remainder(xlm - argpp - nodem, twoPi);
    const nodep = nodem;
    // long-period periodics
    const xl = mp + argpp + nodep + this.tempAm * this.xlcof * axnl;
    // Kepler's equation
    const u = remainder(xl - nodep, twoPi);
    let eo1 = u,
      tem5 = 9999.9,
      ktr = 1,
      sineo1 = 0,
      coseo1 = 0;
    while (Math.abs(tem5) >= 1.0e-12 && ktr <= 10) {
      sineo1 = Math.sin(eo1);
      coseo1 = Math.cos(eo1);
      tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
      tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
      if (Math.abs(tem5) >= 0.95) tem5 = tem5 > 0.0 ? 0.95 : -0.95;
      eo1 += tem5;
      ktr += 1;
    }
    this.sineo1 = sineo1;
    this.coseo1 = coseo1;
    return this.shortPeriod(nodep, out, o);
  }

  /** SGP4's short-period periodics and orientation vectors from the solved eccentric anomaly (sgp4's order). */
  private shortPeriod(nodep: number, out: Float64Array, o: number): boolean {
    const am = this.am,
      axnl = this.axnl,
      aynl = this.aynl,
      sineo1 = this.sineo1,
      coseo1 = this.coseo1;
    const ecose = axnl * coseo1 + aynl * sineo1;
    const esine = axnl * sineo1 - aynl * coseo1;
    const el2 = axnl * axnl + aynl * aynl;
    const pl = am * (1.0 - el2);
    if (pl < 0.0) return false;
    const rl = am * (1.0 - ecose);
    const rdotl = (this.sqrtAm * esine) / rl;
    const rvdotl = Math.sqrt(pl) / rl;
    const betal = Math.sqrt(1.0 - el2);
    let temp = esine / (1.0 + betal);
    const sinu = (am / rl) * (sineo1 - aynl - axnl * temp);
    const cosu = (am / rl) * (coseo1 - axnl + aynl * temp);
    let su = Math.atan2(sinu, cosu);
    const sin2u = (cosu + cosu) * sinu;
    const cos2u = 1.0 - 2.0 * sinu * sinu;
    temp = 1.0 / pl;
    const temp1 = 0.5 * this.j2 * temp;
    const temp2 = temp1 * temp;
    // short-period periodics
    const con41 = this.con41,
      x1mth2 = this.x1mth2,
      cosip = this.cosip,
      nm = this.nm,
      xke = this.xke;
    const mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    if (mrt < 1.0) return false;
    su -= 0.25 * temp2 * this.x7thm1 * sin2u;
    const xnode = nodep + 1.5 * temp2 * cosip * sin2u;
    const xinc = this.inclm + 1.5 * temp2 * cosip * this.sinip * cos2u;
    const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / xke;
    const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / xke;
    // orientation vectors
    const sinsu = Math.sin(su);
    const cossu = Math.cos(su);
    const snod = Math.sin(xnode);
    const cnod = Math.cos(xnode);
    const sini = Math.sin(xinc);
    const cosi = Math.cos(xinc);
    const xmx = -snod * cosi;
    const xmy = cnod * cosi;
    const ux = xmx * sinsu + cnod * cossu;
    const uy = xmy * sinsu + snod * cossu;
    const uz = sini * sinsu;
    const vx = xmx * cossu - cnod * sinsu;
    const vy = xmy * cossu - snod * sinsu;
    const vz = sini * cossu;
    const R = this.earthRadius,
      V = this.vkmpersec;
    out[o] = mrt * ux * R;
    out[o + 1] = mrt * uy * R;
    out[o + 2] = mrt * uz * R;
    out[o + 3] = (mvt * ux + rvdot * vx) * V;
    out[o + 4] = (mvt * uy + rvdot * vy) * V;
    out[o + 5] = (mvt * uz + rvdot * vz) * V;
    return true;
  }
}

/** Every coefficient that must be an exact zero (or finite where it multiplies one) for the evaluator (header). */
const ZEROS = ['bstar', 'cc1', 'omgcof', 'xmcof', 'nodecf', 'd2', 'd3', 'd4', 't2cof', 't3cof', 't4cof', 't5cof'];
const FINITE = ['cc4', 'cc5', 'eta', 'delmo', 'sinmao', 'mo', 'nodeo', 'argpo'];

/**
 * The evaluator of `rec` and of the records that differ from it in mo and nodeo alone (json2satrec's records of
 * one altitude, inclination and eccentricity: propagate.ts circularSatrec), or null where `rec` is outside the
 * family it reproduces (deep space, drag, a record in error): callers then use satellite.js.
 */
export function circularSgp4(rec: Readonly<SatRec>): CircularSgp4 | null {
  const r = rec as unknown as Record<string, unknown>;
  if (rec.method !== 'n' || rec.error !== 0) return null;
  if (!ZEROS.every((f) => r[f] === 0) || !FINITE.every((f) => Number.isFinite(r[f]))) return null;
  const pv = satelliteJs().sgp4({ ...rec } as SatRec, 0);
  if (pv === null) return null;
  return new CircularSgp4(rec, pv.meanElements);
}

/**
 * satellite.js's sgp4 of `rec` at tsince [min] into out[o … o + 5] (TEME km, km/s), as the evaluator above writes it;
 * false where sgp4 returns null (SGP4 failed).
 */
export function satelliteJsState(rec: SatRec, tsince_min: number, out: Float64Array, o: number): boolean {
  const pv = satelliteJs().sgp4(rec, tsince_min);
  if (pv === null) return false;
  out[o] = pv.position.x;
  out[o + 1] = pv.position.y;
  out[o + 2] = pv.position.z;
  out[o + 3] = pv.velocity.x;
  out[o + 4] = pv.velocity.y;
  out[o + 5] = pv.velocity.z;
  return true;
}

/**
 * SGP4 state of `rec` at tsince [min] into out[0 … 5] (TEME km, km/s): the evaluator above where `rec` is of its
 * family (bit for bit satellite.js's sgp4, without its per-call objects), satellite.js itself otherwise; throws where
 * SGP4 fails.
 */
export function sgp4State(rec: SatRec): (tsince_min: number, out: Float64Array) => void {
  const ev = circularSgp4(rec);
  return (tsince_min, out) => {
    const ok =
      ev !== null ? ev.state(rec.mo, rec.nodeo, tsince_min, out, 0) : satelliteJsState(rec, tsince_min, out, 0);
    if (!ok) {
      const { SatRecError } = satelliteJs();
      throw new Error(`SGP4 failed at t = ${tsince_min * S_PER_MIN} s (SatRecError.${SatRecError[rec.error]})`);
    }
  };
}

/**
 * Skyfield (Brandon Rhodes; Debian's python3-skyfield, installed by .ci/run) as an independent TEME transformation:
 * `TEME.rotation_at(t)` (skyfield/sgp4lib.py: R3(GMST82 − GAST) · M, where M is its GCRS → true-of-date matrix, IAU
 * 2006 precession in the four-angle form, IAU 2000A nutation with 1,365 terms, and the IERS 2003 frame bias) gives
 * the GCRS vector; `framelib.ICRS_to_J2000` (the frame bias alone) takes it to the mean equator and equinox of J2000
 * (EME2000). Times are UTC; skyfield's own leap-second and UT1 tables serve.
 */
import { spawnSync } from 'node:child_process';
import { PYTHON } from './pythonSgp4.js';

const SCRIPT = `
import json, sys
from datetime import datetime, timezone
import numpy as np
from skyfield.api import load
from skyfield.sgp4lib import TEME
from skyfield.framelib import ICRS_to_J2000
ts = load.timescale()
out = []
for iso, r in json.loads(sys.stdin.read()):
    t = ts.from_datetime(datetime.fromisoformat(iso.replace('Z', '+00:00')).astimezone(timezone.utc))
    g = TEME.rotation_at(t).T @ np.array(r, dtype=float)
    out.append({'gcrs': list(g), 'eme2000': list(ICRS_to_J2000 @ g)})
print(json.dumps(out))
`;

export interface SkyfieldFrames {
  /** The TEME vector in GCRS and in EME2000, same units. */
  readonly gcrs: [number, number, number];
  readonly eme2000: [number, number, number];
}

/** Each TEME vector at its UTC instant (ISO 8601), rotated by skyfield. */
export function skyfieldFromTeme(cases: readonly (readonly [string, readonly number[]])[]): SkyfieldFrames[] {
  const r = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`skyfield failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as SkyfieldFrames[];
}

/**
 * python-sgp4 (Brandon Rhodes' `sgp4`, Debian's python3-sgp4, installed by .ci/run) as an independent OMM reader:
 * its `omm.initialize` reads an OMM record's fields as strings, `omm.parse_xml` a CCSDS OMM XML file. The script
 * propagates every record read at the given times since epoch [min] and prints TEME positions [km] as JSON.
 * `ODC_TEST_PYTHON` names another interpreter (default Debian's /usr/bin/python3).
 */
import { spawnSync } from 'node:child_process';

export const PYTHON = process.env['ODC_TEST_PYTHON'] ?? '/usr/bin/python3';

const SCRIPT = `
import json, sys
from sgp4.api import Satrec
from sgp4 import omm
kind, path, times = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
def prop(fields):
    s = Satrec()
    omm.initialize(s, fields)
    r = []
    for t in times:
        e, p, v = s.sgp4_tsince(t)
        r.append(list(p) if e == 0 else None)
    return {'satnum': s.satnum, 'name': fields['OBJECT_NAME'], 'objectId': fields['OBJECT_ID'], 'r': r}
with open(path) as f:
    if kind == 'json':
        recs = [{k: str(v) for k, v in o.items()} for o in json.load(f)]
    else:
        recs = list(omm.parse_xml(f))
print(json.dumps([prop(x) for x in recs]))
`;

export interface PythonSatellite {
  readonly satnum: number;
  readonly name: string;
  readonly objectId: string;
  /** TEME position [km] at each time, null where SGP4 failed. */
  readonly r: ([number, number, number] | null)[];
}

/** Reads an OMM file (`json`: CelesTrak-style JSON array; `xml`: CCSDS OMM XML) with python-sgp4 and propagates it. */
export function pythonOmm(kind: 'json' | 'xml', path: string, times_min: readonly number[]): PythonSatellite[] {
  const r = spawnSync(PYTHON, ['-c', SCRIPT, kind, path, JSON.stringify(times_min)], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0)
    throw new Error(
      `${PYTHON} with python-sgp4 failed (install Debian's python3-sgp4, as .ci/run does): ${r.error?.message ?? r.stderr}`,
    );
  return JSON.parse(r.stdout) as PythonSatellite[];
}

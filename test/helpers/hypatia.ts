/**
 * Hypatia's dynamic-state step (satgenpy `help_dynamic_state`, vendored with its provenance in test/fixtures/hypatia)
 * run on a network folder as Hypatia's own scripts run it (paper/satellite_networks_state/main_helper.py): the
 * folder `<parent>/<name>` read by its readers, the two lengths from description.txt, one thread; it writes
 * `dynamic_state_<step ms>ms_for_<duration s>s/` (fstate_<t ns>.txt, gsl_if_bandwidth_<t ns>.txt) into the folder.
 * Needs Debian's python3-numpy, -astropy, -ephem, -networkx, -geopy and -sgp4 (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { PYTHON } from './pythonSgp4.js';

const SATGEN = resolve('test/fixtures/hypatia');

const SCRIPT = `
import sys
sys.path.insert(0, sys.argv[1])
import satgen
parent, name, step_ms, duration_s, algorithm = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
with open(parent + "/" + name + "/description.txt") as f:
    lengths = dict(line.strip().split("=") for line in f if line.strip())
satgen.help_dynamic_state(parent, 1, name, step_ms, duration_s, float(lengths["max_gsl_length_m"]),
                          float(lengths["max_isl_length_m"]), algorithm, False)
`;

/** Runs the step; returns its output folder. Throws with Hypatia's own message when it refuses the folder. */
export function hypatiaDynamicState(
  parent: string,
  name: string,
  step_ms: number,
  duration_s: number,
  algorithm = 'algorithm_free_one_only_over_isls',
): string {
  const args = [SATGEN, parent, name, String(step_ms), String(duration_s), algorithm];
  const r = spawnSync(PYTHON, ['-c', SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0)
    throw new Error(
      `Hypatia's dynamic-state step failed (install python3-networkx, -ephem, -geopy, -astropy as .ci/run does): ${r.error?.message ?? r.stderr}`,
    );
  return join(parent, name, `dynamic_state_${step_ms}ms_for_${duration_s}s`);
}

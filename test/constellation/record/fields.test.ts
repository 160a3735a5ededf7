/**
 * Adding a metric to the constellation record is one declaration, as for a node: here fixture fields, declared in this
 * file beside the real table, reach the record's schema (description and title), the metric paths studies may name,
 * the record built from a small constellation's stages and, for one the lean evaluation does not compute, its list of
 * omitted metrics and a NaN on the lean path.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { leanOmittedPaths, omittedWhenLean, recordFields, tableBuilder } from '../../../src/base/recordFields.js';
import { numericLeaves } from '../../../src/base/zodPaths.js';
import { loadCatalogs } from '../../../src/catalog/load.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import {
  constellationStages,
  evaluateConstellation,
  LEAN_OMITTED_METRICS,
} from '../../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import { CONSTELLATION_FIELDS, type ConstellationStages } from '../../../src/constellation/record/fields.js';
import { constellationMetricPaths } from '../../../src/constellation/record/metrics.js';
import { constellationRecordSchemaOf } from '../../../src/constellation/record/recordSchema.js';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const { num, section } = recordFields<ConstellationStages>();
const perSatellite = num(
  'Average IT power per satellite [W]',
  'IT power per satellite',
  (c) => c.sats.reduce((a, n, i) => a + n * c.nodes[i]!.compute.itPowerAvg_W, 0) / c.satellites,
);
/** A figure from the gateway contacts, which the lean evaluation does not compute. */
const contactHours = omittedWhenLean(
  num(
    'Hours in contact with any station over the window [h]',
    (c) => ((c.contacts?.anyStationContactFraction ?? 0) * c.spec.window.duration_s) / 3600,
  ),
);
const FIXTURE = {
  ...CONSTELLATION_FIELDS,
  totals: section({ ...CONSTELLATION_FIELDS.totals.fields, perSatellite }),
  ground: section({ ...CONSTELLATION_FIELDS.ground.fields, contactHours }),
};

const dir = tempDir('odc-constellation-fields-');
let lp: LpSolver;
let spec: ConstellationSpec;
beforeAll(async () => {
  lp = await createLpSolver();
  const file = writeFile(
    dir,
    'small.yaml',
    `name: small\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\n` +
      'shells:\n  - { name: s1, altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 6 }\n' +
      'ground: { stations: [santiago, malindi, awarua] }\nsimulation: { duration_h: 3, step_s: 60, snapshots: 2 }\n',
  );
  spec = loadConstellationSpec(file, loadCatalogs());
});

describe('a constellation record field declared in one place', () => {
  it('is a metric path with its meaning, unit and label', () => {
    const leaves = numericLeaves(constellationRecordSchemaOf(FIXTURE), '', true);
    const paths = leaves.map((l) => l.path).filter((p) => p !== 'schemaVersion');
    expect(paths.filter((p) => !constellationMetricPaths().includes(p))).toEqual([
      'ground.contactHours',
      'totals.perSatellite',
    ]);
    expect(leaves.find((l) => l.path === 'totals.perSatellite')).toEqual({
      path: 'totals.perSatellite',
      description: 'Average IT power per satellite [W].',
      title: 'IT power per satellite',
    });
  });

  it('is in the record, read from the stages; one declared omittedWhenLean is NaN on the lean path', () => {
    const record = evaluateConstellation(spec, lp);
    const full = tableBuilder<ConstellationStages, typeof FIXTURE>(FIXTURE)(
      false,
      constellationStages(spec, lp, false).stages,
    );
    // Independent of the fixture: the shipped record's totals.
    expect(full.totals.perSatellite).toBeCloseTo(record.totals.itPowerAvg_W / record.satellites, 9);
    expect(full.ground.contactHours).toBeCloseTo(record.ground.contactFraction * 3, 9); // a 3 h window
    expect(full.ground.contactHours).toBeGreaterThan(0);
    expect(new Set(leanOmittedPaths(FIXTURE))).toEqual(new Set([...LEAN_OMITTED_METRICS, 'ground.contactHours']));
    const lean = tableBuilder<ConstellationStages, typeof FIXTURE>(FIXTURE)(
      true,
      constellationStages(spec, lp, true).stages,
    );
    expect(lean.totals.perSatellite).toBe(full.totals.perSatellite);
    expect(lean.ground.contactHours).toBeNaN();
  });
});

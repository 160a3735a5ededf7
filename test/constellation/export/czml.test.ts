/**
 * CZML loaded by CesiumJS itself (npm `cesium` 1.140.0, the newest release for Node 20; its Build/Cesium/Cesium.js in
 * Debian's headless Chromium, since `CzmlDataSource` needs browser globals such as Image; no viewer, so no WebGL):
 * it loads with no error, holds the packets the subset promises, and its entities' positions
 * at a time between samples (Cesium's own Lagrange interpolation) lie within 1 km of odc's SGP4 (propagate.ts
 * `circularState`, TEME) rotated to Earth-fixed by GMST computed here (IAU-82, Vallado 2013 eq. 3-47, not
 * satellite.js); the stations within 1 m of the WGS-84 geodetic-to-Cartesian formula (Vallado 2013 eq. 3-14).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadCatalogs } from '../../../src/catalog/load.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import { loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import { constellationNetwork, writeCzml } from '../../../src/constellation/export/czml.js';
import { selectionPredicate } from '../../../src/constellation/export/satelliteSelection.js';
import { satelliteElements } from '../../../src/constellation/geometry/pattern.js';
import { circularState } from '../../../src/constellation/geometry/propagate.js';
import { launchChromium } from '../../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../../helpers/browserTests.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { EARTH_POLAR_RADIUS_m, EARTH_RADIUS_m } from '../../helpers/constants.js';

interface Vec {
  x: number;
  y: number;
  z: number;
}
/** What the page reports of the loaded scene: entity ids, positions at the asked times, link ends, errors. */
interface Scene {
  ids: string[];
  positions: Record<string, (Vec | null)[]>;
  linkEnds: number;
  errors: string[];
}
const CESIUM_JS = join(
  dirname(createRequire(import.meta.url).resolve('cesium/package.json')),
  'Build/Cesium/Cesium.js',
);

const EPOCH = '2026-03-20T00:00:00Z';
const YAML = `kind: constellation
name: scene
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 10, satsPerPlane: 12, phasing: 1 }
  - { name: b, altitude_km: 650, inclination_deg: 70, planes: 3, satsPerPlane: 6 }
isl: { topology: grid, terminal: isl-100g }
ground:
  stations:
    - { name: Svalbard, lat_deg: 78.23, lon_deg: 15.39, capacity_Gbps: 10 }
    - { name: Punta Arenas, lat_deg: -53.15, lon_deg: -70.92, capacity_Gbps: 10 }
simulation: { epoch: ${EPOCH} }
`;

/** GMST [rad] at UT1 ≈ UTC instant (IAU-82: Vallado 2013 eq. 3-47, seconds of time → radians). */
function gmst(ms: number): number {
  const T = (ms / 86_400_000 + 2_440_587.5 - 2_451_545) / 36_525;
  const s = 67_310.54841 + (876_600 * 3600 + 8_640_184.812866) * T + 0.093104 * T * T - 6.2e-6 * T ** 3;
  return ((((s % 86_400) + 86_400) % 86_400) / 240) * (Math.PI / 180);
}

const T_s = 1234.5; // between the samples at 1200 and 1260 s
let spec: ConstellationSpec, scene: Scene, text: string, browser: Browser | undefined;
announceBrowserSkip('the CZML export test', 'CZML loaded by CesiumJS');

describe.skipIf(skipBrowser)('CZML loaded by CesiumJS', () => {
  beforeAll(async () => {
    expectChromium();
    spec = loadConstellationSpec(writeFile(tempDir('odc-czml-'), 'scene.yaml', YAML), loadCatalogs());
    text = '';
    const plane0 = { all: false, items: spec.shells.map((_, shellIndex) => ({ shellIndex, plane: 0, slot: null })) };
    writeCzml(spec, constellationNetwork(spec), (c) => void (text += c), {
      span_s: 5400,
      step_s: 60,
      select: selectionPredicate(spec, plane0),
      description: 'plane P0 of each shell',
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addScriptTag({ path: CESIUM_JS });
    const times = [EPOCH, new Date(Date.parse(EPOCH) + T_s * 1000).toISOString()];
    scene = await page.evaluate(
      async ({ czml, times }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CesiumJS's global, untyped on purpose
        const C = (globalThis as unknown as { Cesium: any }).Cesium;
        const ds = await C.CzmlDataSource.load(JSON.parse(czml));
        const when = times.map((t: string) => C.JulianDate.fromIso8601(t));
        const positions: Record<string, unknown[]> = {};
        let linkEnds = 0;
        for (const e of ds.entities.values) {
          if (e.position) positions[e.id] = when.map((w: unknown) => e.position.getValue(w) ?? null);
          if (e.polyline) linkEnds += e.polyline.positions.getValue(when[1]).filter((p: unknown) => p).length;
        }
        const ids = ds.entities.values.map((e: { id: string }) => e.id);
        return { ids, positions, linkEnds, errors: [] } as Scene;
      },
      { czml: text, times },
    );
    scene.errors.push(...errors);
  });
  afterAll(async () => browser?.close());

  it("holds plane P0 of each shell, the links among them at the epoch and the stations (Cesium's entities)", () => {
    expect(scene.errors).toEqual([]);
    const ids = scene.ids;
    expect(ids.filter((id) => id.startsWith('sat/'))).toEqual([
      ...Array.from({ length: 12 }, (_, k) => `sat/scene-a-P0-S${k}`),
      ...Array.from({ length: 6 }, (_, k) => `sat/scene-b-P0-S${k}`),
    ]);
    // in-plane ring links of plane 0 of a (12) and of b (6); no cross-plane link has both ends in plane 0
    const links = ids.filter((id) => id.startsWith('isl/')).length;
    expect(links).toBeLessThanOrEqual(18);
    expect(links).toBeGreaterThan(0);
    expect(scene.linkEnds).toBe(2 * links); // each link's two ends resolve to its satellites' positions
    expect(ids.filter((id) => id.startsWith('station/'))).toEqual(['station/Svalbard', 'station/Punta Arenas']);
    expect(text).toContain('"referenceFrame":"FIXED"');
  });

  it('satellite positions between samples within 1 km of SGP4 rotated to Earth-fixed by GMST', () => {
    const ms = Date.parse(EPOCH) + T_s * 1000;
    const th = gmst(ms);
    const s = new Float64Array(6);
    let worst_m = 0;
    for (const [shell, name] of [
      [0, 'a'],
      [1, 'b'],
    ] as const)
      for (const e of satelliteElements(spec.shells[shell]!.geometry, EPOCH)) {
        if (e.plane !== 0) continue;
        circularState(e, EPOCH)(T_s / 60, s);
        const [x, y, z] = [s[0]! * 1000, s[1]! * 1000, s[2]! * 1000];
        const ecef = { x: x * Math.cos(th) + y * Math.sin(th), y: -x * Math.sin(th) + y * Math.cos(th), z };
        const p = scene.positions[`sat/scene-${name}-P0-S${e.slot}`]![1]!;
        worst_m = Math.max(worst_m, Math.hypot(p.x - ecef.x, p.y - ecef.y, p.z - ecef.z));
      }
    expect(worst_m).toBeLessThan(1000);
  });

  it('stations at their WGS-84 Earth-fixed position', () => {
    const a = EARTH_RADIUS_m,
      e2 = 1 - (EARTH_POLAR_RADIUS_m / EARTH_RADIUS_m) ** 2; // WGS-84 first eccentricity squared
    const [lat, lon] = [(78.23 * Math.PI) / 180, (15.39 * Math.PI) / 180];
    const N = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    const expected = {
      x: N * Math.cos(lat) * Math.cos(lon),
      y: N * Math.cos(lat) * Math.sin(lon),
      z: N * (1 - e2) * Math.sin(lat),
    };
    const p = scene.positions['station/Svalbard']![0]!;
    expect(Math.hypot(p.x - expected.x, p.y - expected.y, p.z - expected.z)).toBeLessThan(1);
  });
});

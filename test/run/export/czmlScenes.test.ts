/**
 * The default CZML scenes of the shipped large designs, loaded by CesiumJS itself (npm `cesium` 1.140.0's
 * Build/Cesium/Cesium.js in Debian's headless Chromium; `CzmlDataSource` needs browser globals, no WebGL): at most
 * 1,000 satellites, every shell shown, each satellite with its orbit path, the document saying how they were chosen,
 * and no error on the page or its console. A node design's scene (its one satellite) loads the same way.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { exportDesign } from '../../../src/run/export/export.js';
import { readYaml } from '../../../src/base/yaml.js';
import { launchChromium } from '../../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../../helpers/browserTests.js';

const CESIUM_JS = join(
  dirname(createRequire(import.meta.url).resolve('cesium/package.json')),
  'Build/Cesium/Cesium.js',
);

interface Loaded {
  satellites: string[];
  withPath: number;
  description: string;
  errors: string[];
}

let browser: Browser | undefined;
announceBrowserSkip('the default CZML scene test', 'default scenes loaded by CesiumJS');

/** The scene loaded in a fresh page: satellite ids, how many have a path, the document's description, errors. */
async function load(czml: string): Promise<Loaded> {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.addScriptTag({ path: CESIUM_JS });
  const r = await page.evaluate(async (text) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CesiumJS's global, untyped on purpose
    const C = (globalThis as unknown as { Cesium: any }).Cesium;
    const ds = await C.CzmlDataSource.load(JSON.parse(text));
    const sats = ds.entities.values.filter((e: { id: string }) => e.id.startsWith('sat/'));
    const doc = JSON.parse(text)[0] as { description: string };
    return {
      satellites: sats.map((e: { id: string }) => e.id),
      withPath: sats.filter((e: { path?: unknown }) => e.path !== undefined).length,
      description: doc.description,
    };
  }, czml);
  await page.close();
  return { ...r, errors };
}

describe.skipIf(skipBrowser)('default CZML scenes in CesiumJS', () => {
  beforeAll(async () => {
    expectChromium();
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const name of ['sunrise-51600', 'spacex-odc-1m'])
    it(`${name}: at most 1,000 satellites, every shell, orbit paths, no console error`, async () => {
      const path = `designs/constellations/${name}.yaml`;
      const shells = (readYaml(path).raw as { shells: { name: string }[] }).shells.map((s) => s.name);
      const { text } = exportDesign(path, { format: 'czml' });
      const scene = await load(text);
      expect(scene.errors).toEqual([]);
      expect(scene.satellites.length).toBeGreaterThan(shells.length);
      expect(scene.satellites.length).toBeLessThanOrEqual(1000);
      for (const shell of shells) expect(scene.satellites.some((id) => id.includes(`-${shell}-P`))).toBe(true);
      expect(scene.withPath).toBe(scene.satellites.length);
      expect(scene.description).toContain(`${scene.satellites.length} of `);
      expect(scene.description).toContain('every shell');
    });

  it("a node design's scene: its one satellite, whatever --span-h", async () => {
    for (const span_h of [undefined, 3]) {
      const { text } = exportDesign('designs/ai1.yaml', {
        format: 'czml',
        ...(span_h !== undefined ? { span_h } : {}),
      });
      const scene = await load(text);
      expect(scene.errors).toEqual([]);
      expect(scene.satellites).toEqual(['sat/ai1-node-P0-S0']);
    }
  });
});

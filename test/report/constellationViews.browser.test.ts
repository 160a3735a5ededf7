/**
 * The constellation views in headless Chromium, measured as drawn: no two text labels of a view overlap
 * (getBoundingClientRect of every SVG text), the planes view's altitude axis covers the shells and not
 * 0–2,000 km, and the ground track has points at both map edges (both sides of the antimeridian) with no
 * line across the map. A screenshot goes to test-artifacts/constellation-views.png for a human to look at.
 * Skipped with a banner without /usr/bin/chromium (or $ODC_TEST_CHROMIUM), failing under CI=true (as
 * browser.test.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  conjunctionsSvg,
  launchManifestSvg,
  utilizationByClassSvg,
} from '../../src/report/constellation/constellationExtras.js';
import { shellPlanesSvg } from '../../src/report/constellation/constellationPlanes.js';
import {
  contactTimelineSvg,
  shellMapSvg,
  ssoInclination_deg,
} from '../../src/report/constellation/constellationPlots.js';
import { groundTrackSvg, planeGroundTrack } from '../../src/report/constellation/groundTrack.js';
import { shell } from '../helpers/shellSpec.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { deg } from '../helpers/units.js';

announceBrowserSkip('constellation views browser test');

const EPOCH = '2026-03-20T00:00:00Z';
const series = (runs: readonly [number, number][]): Uint8Array =>
  Uint8Array.from(runs.flatMap(([v, n]) => Array<number>(n).fill(v)));

async function views(): Promise<Record<string, string>> {
  const low = shell({ name: 'low', altitude_m: 550e3, planes: 60, satsPerPlane: 70, raan0_rad: 0 });
  const dd = shell({
    name: 'dawn-dusk',
    altitude_m: 650e3,
    inclination_rad: ssoInclination_deg(650) * deg,
    sunSynchronous: true,
    ltan_h: 6,
    planes: 40,
    satsPerPlane: 70,
  });
  const window = { epochIso: EPOCH, duration_s: 7200, step_s: 30 };
  const stations = [
    // The catalog's long names (designs/catalogs/ground-stations.yaml): the labels' real test.
    { name: 'KSAT Svalbard Satellite Station (SvalSat), Platåberget, Norway', lat_deg: 78.23, lon_deg: 15.39 },
    { name: 'ESA Kiruna station (Salmijärvi), Sweden', lat_deg: 67.86, lon_deg: 20.96 },
    {
      name: 'NOAA Fairbanks Command and Data Acquisition Station (FCDAS), Gilmore Creek, Alaska',
      lat_deg: 64.86,
      lon_deg: -147.85,
    },
    { name: 'SSC Santiago Satellite Station, Chile', lat_deg: -33.15, lon_deg: -70.67 },
    { name: 'SANSA Space Operations, Hartebeesthoek, South Africa', lat_deg: -25.89, lon_deg: 27.69 },
  ];
  return {
    planes: await shellPlanesSvg([low, dd], EPOCH),
    track: await groundTrackSvg({
      tracks: [low, dd].map((g) => ({ shell: g.name, plane: 0, points: planeGroundTrack(g, 0, window) })),
      planesPerShell: { low: 1, 'dawn-dusk': 1 },
      coastlines: [],
      stations,
      duration_s: 7200,
      step_s: 30,
    }),
    map: await shellMapSvg({
      designs: [
        { name: 'low', altitude_km: 550, inclination_deg: 53, satellites: 4200 },
        { name: 'dawn-dusk', altitude_km: 650, inclination_deg: ssoInclination_deg(650), satellites: 2800 },
      ],
      references: [
        {
          name: 'Starlink Gen1',
          shells: [
            { name: 'a', altitude_km: 550, inclination_deg: 53, satellites: 1584 },
            { name: 'b', altitude_km: 540, inclination_deg: 53.2, satellites: 1584 },
            { name: 'c', altitude_km: 570, inclination_deg: 70, satellites: 720 },
          ],
        },
        {
          name: 'Kuiper',
          shells: [
            { name: 'a', altitude_km: 630, inclination_deg: 51.9, satellites: 1156 },
            { name: 'b', altitude_km: 610, inclination_deg: 42, satellites: 1296 },
          ],
        },
        { name: 'OneWeb', shells: [{ name: 'a', altitude_km: 1200, inclination_deg: 87.9, satellites: 648 }] },
      ],
    }),
    contacts: await contactTimelineSvg({
      step_s: 120,
      stations: [
        { name: stations[0]!.name, inContact: series([[1, 60]]) },
        {
          name: stations[3]!.name,
          inContact: series([
            [1, 12],
            [0, 18],
            [1, 20],
            [0, 10],
          ]),
        },
        {
          name: stations[4]!.name,
          inContact: series([
            [0, 3],
            [1, 40],
            [0, 2],
            [1, 15],
          ]),
        },
      ],
    }),
    utilization: utilizationByClassSvg(
      [0, 1, 2, 3].flatMap((k) =>
        ['inPlane', 'crossPlane', 'gateway'].map((c, j) => ({
          instant: k,
          time_s: 2400 * k,
          linkClass: c,
          mean: 0.15 * (j + 1) + 0.05 * k,
          max: Math.min(1, 0.5 + 0.15 * j + 0.05 * k),
        })),
      ),
    ).svg,
    conjunctions: conjunctionsSvg([
      { a: 'low-0-1', b: 'dawn-dusk-3-5', distance_km: 2.4, time_s: 1200 },
      { a: 'low-4-2', b: 'low-5-2', distance_km: 18, time_s: 4000 },
    ]).svg,
    manifest: launchManifestSvg([
      { vehicle: 'starship', shell: 'low', launches: 42, satellites: 4200 },
      { vehicle: 'starship', shell: 'dawn-dusk', launches: 28, satellites: 2800 },
      { vehicle: 'new-glenn', shell: 'low', launches: 5, satellites: 150 },
    ]).svg,
  };
}

describe('constellation views in headless Chromium', () => {
  it.skipIf(skipBrowser)(
    'draws legible labels, a zoomed altitude axis and an unbroken-but-split ground track',
    async () => {
      expectChromium();
      const svgs = await views();
      const html = `<!doctype html><html><body style="margin:8px;font-family:sans-serif">${Object.entries(svgs)
        .map(([id, svg]) => `<figure id="fig-${id}">${svg}</figure>`)
        .join('\n')}</body></html>`;
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.setContent(html, { waitUntil: 'load' });
        mkdirSync('test-artifacts', { recursive: true });
        await page.screenshot({ path: join('test-artifacts', 'constellation-views.png'), fullPage: true });
        // Text boxes per view, shrunk by half a pixel so touching boxes are not counted.
        const overlaps = await page.evaluate(() =>
          Array.from(document.querySelectorAll('figure')).flatMap((fig) => {
            const boxes = Array.from(fig.querySelectorAll('svg text'))
              .filter((t) => (t.textContent ?? '').trim() !== '' && t.getAttribute('opacity') !== '0')
              .map((t) => ({ text: t.textContent!, r: t.getBoundingClientRect() }));
            const out: string[] = [];
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i]!.r,
                  b = boxes[j]!.r;
                if (
                  a.left + 0.5 < b.right - 0.5 &&
                  b.left + 0.5 < a.right - 0.5 &&
                  a.top + 0.5 < b.bottom - 0.5 &&
                  b.top + 0.5 < a.bottom - 0.5
                )
                  out.push(`${fig.id}: '${boxes[i]!.text}' / '${boxes[j]!.text}'`);
              }
            return out;
          }),
        );
        expect(overlaps).toEqual([]);
        // The altitude axis: the vertical axis's numeric labels (all at one x) of the planes view.
        const altitudeTicks = await page.evaluate(() => {
          const texts = Array.from(document.querySelectorAll('#fig-planes g.tick-labels text'));
          // the labels right-aligned at one x: the vertical axis's
          const right = (t: Element): number => Math.round(t.getBoundingClientRect().right);
          const xs = texts.filter((t) => t.getAttribute('text-anchor') === 'end');
          return new Set(xs.map(right)).size === 1 ? xs.map((t) => Number(t.textContent)) : [];
        });
        expect(altitudeTicks.length).toBeGreaterThan(2);
        expect(Math.min(...altitudeTicks)).toBeGreaterThanOrEqual(520);
        expect(Math.max(...altitudeTicks)).toBeLessThanOrEqual(680);
        // Ground track: the track pieces as drawn, as fractions of the frame's width.
        const track = await page.evaluate(() => {
          const frame = document.querySelector('#fig-track rect.frame')!.getBoundingClientRect();
          // the polylines drawn: the tracks (this map has no coastline)
          const pieces = Array.from(document.querySelectorAll('#fig-track g.paths path')).map((p) => {
            const svg = (p as SVGGraphicsElement).ownerSVGElement!;
            const m = (p as SVGGraphicsElement).getScreenCTM()!;
            return [...(p.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((c) => {
              const pt = svg.createSVGPoint();
              pt.x = Number(c[1]);
              pt.y = Number(c[2]);
              const s = pt.matrixTransform(m);
              return (s.x - frame.left) / frame.width;
            });
          });
          return pieces;
        });
        expect(track.length).toBeGreaterThan(2);
        const xs = track.flat();
        expect(Math.min(...xs)).toBeLessThan(0.02); // reaches the western edge (−180°)…
        expect(Math.max(...xs)).toBeGreaterThan(0.98); // …and the eastern edge (+180°)
        const jumps = track.flatMap((p) => p.slice(1).map((x, i) => Math.abs(x - p[i]!)));
        expect(Math.max(...jumps)).toBeLessThan(0.1); // no segment runs across the map
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        await browser.close();
      }
    },
  );
});

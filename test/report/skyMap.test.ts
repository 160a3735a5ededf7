import { describe, expect, it } from 'vitest';
import { skyMapSvg, skyObserverText, skyTable } from '../../src/report/constellation/skyMap.js';

const sky = {
  nakedEyeCount: 7,
  limitCount: 12,
  limit_mag: 7,
  standardMagnitude: 5.9,
  latitude_deg: 37,
  longitude_deg: 0,
  date: '2026-03-20',
  sunsetUtc: '2026-03-20T18:11:43.896Z',
  extinction_mag_per_airmass: 0.15,
  ltanTime: 'mean' as const,
  evenings: [
    { latitude_deg: 37, date: '2026-03-20', sunsetUtc: '2026-03-20T18:11:43.896Z', nakedEye: 7, belowLimit: 12 },
  ],
  epochs: [
    { minutesAfterSunset: 0, sunElevation_deg: -0.83, aboveHorizon: 20, sunlit: 20, nakedEye: 7, belowLimit: 12 },
    { minutesAfterSunset: 30, sunElevation_deg: -6.81, aboveHorizon: 19, sunlit: 15, nakedEye: 2, belowLimit: 5 },
  ],
  mapMinutesAfterSunset: 0,
  map: [
    // the zenith ring (80–90°) due north, and the horizon ring (0–10°) due east
    { azimuth_deg: 7.5, elevation_deg: 85, nakedEye: 4, belowLimit: 6 },
    { azimuth_deg: 82.5, elevation_deg: 5, nakedEye: 3, belowLimit: 6 },
    { azimuth_deg: 187.5, elevation_deg: 45, nakedEye: 0, belowLimit: 1 },
  ],
};

describe('sky map of the knee', () => {
  it('draws one sector per cell with a naked-eye satellite, the darkest for the most', () => {
    const svg = skyMapSvg(sky);
    const cells = svg.slice(0, svg.indexOf('<g class="legend">'));
    const paths = [...cells.matchAll(/<path d="([^"]+)" fill="#c0392b" fill-opacity="([\d.]+)"/g)];
    expect(paths).toHaveLength(2);
    // opacity 0.15 + 0.85·n/max, written to 3 decimals: 4 of 4 → 1, 3 of 4 → 0.7875
    expect(Number(paths[0]![2])).toBe(1);
    expect(Number(paths[1]![2])).toBeCloseTo(0.7875, 2);
    // the east cell starts on the horizon ring (radius 150 px from the centre 180, 180), east drawn left of centre:
    // azimuth 75°, elevation 0 → x = 180 − 150·sin 75° = 35.11, y = 180 − 150·cos 75° = 141.18 (SVG to 0.1 px)
    expect(paths[1]![1]).toMatch(/^M35\.1,141\.2A150,150 /);
    expect(svg).toContain('darkest cell: 4 satellites V &lt; 6');
    // the shading legend: 1 satellite, thirds of the darkest cell (1.33 → 1, 2.67 → 3) and the darkest (4), each at
    // its cells' opacity 0.15 + 0.85·n/4: 1 → 0.3625, 3 → 0.7875, 4 → 1
    const legend = svg.slice(svg.indexOf('<g class="legend">'));
    expect([...legend.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1])).toEqual([
      'satellites V &lt; 6 in a cell',
      '1',
      '3',
      '4',
    ]);
    const opacities = [...legend.matchAll(/fill="#c0392b" fill-opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(opacities).toHaveLength(3);
    // written to 3 decimals
    [0.3625, 0.7875, 1].forEach((o, k) => expect(Math.abs(opacities[k]! - o)).toBeLessThan(1e-3));
  });

  it('tables the counts at each time after sunset', () => {
    const t = skyTable(sky);
    expect(t.headers[6]).toBe('V < 7 [-]');
    expect(t.rows).toEqual([
      // sunset 18:11:43.896 UTC; 30 min later 18:41
      ['0', '18:11', '-0.8', '20', '20', '7', '12'],
      ['30', '18:41', '-6.8', '19', '15', '2', '5'],
    ]);
  });
});

describe("the sky section's observer, date and times", () => {
  it('names the observer in degrees with hemispheres, the date, the sunset, the map time in UTC and the LTAN convention', () => {
    // 33.87° S, 151.21° E (Sydney); the map 30 min after the 18:11:43.896 sunset: 18:41
    const sydney = { ...sky, latitude_deg: -33.87, longitude_deg: 151.21, mapMinutesAfterSunset: 30 };
    expect(skyObserverText(sydney)).toBe(
      'observer at 33.9° S, 151° E on 2026-03-20; sunset 18:11 UTC; map at 18:41 UTC (30 min after sunset, the ' +
        'counted time with the most naked-eye satellites); LTAN read as mean-Sun time',
    );
    expect(skyObserverText({ ...sydney, ltanTime: 'apparent' })).toMatch(/; LTAN read as apparent-Sun time$/);
  });

  it('writes counts with thousands separators', () => {
    const many = { ...sky, epochs: [{ ...sky.epochs[0]!, aboveHorizon: 11_055, sunlit: 1_234 }] };
    expect(skyTable(many).rows[0]!.slice(3, 5)).toEqual(['11,055', '1,234']);
  });
});

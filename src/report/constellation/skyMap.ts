/**
 * The knee's sky: an alt-az polar map of its satellites brighter than V = 6 at the counted time with the most of them
 * (the record's sky.map cells: rings of 10° elevation, sectors of 15° azimuth, north up, east left as seen looking up),
 * and the table of counts over the times after sunset (src/constellation/environment/skyFigures.ts).
 */
import { maxOf } from '../../base/arrays.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import { legendColumn } from '../../chart/chart.js';
import { PAD, px, svgDocument, text } from '../../chart/svg.js';
import type { ReportTableData } from './constellationExtras.js';
import { fmt, groupedDecimal } from '../../base/numberFormat.js';

const count = (n: number): string => groupedDecimal(n, 0);

/** "HH:MM UTC" of the given minutes after the sunset instant (an ISO 8601 time). */
export function utcAfter(sunsetUtc: string, minutes: number): string {
  return `${new Date(Date.parse(sunsetUtc) + minutes * 60_000).toISOString().slice(11, 16)} UTC`;
}

/**
 * The observer, evening and times of the sky section (the worst of the record's evenings): "observer at 37° N, 0° E on
 * 2026-03-20; sunset 18:11 UTC; map at 18:11 UTC (0 min after sunset, the counted time with the most naked-eye
 * satellites); LTAN read as mean-Sun time" (sky.ltanTime: how the shells' planes were placed against the Sun).
 */
export function skyObserverText(sky: ConstellationRecord['sky']): string {
  const lat = sky.latitude_deg;
  const lon = sky.longitude_deg;
  const where = `${fmt(Math.abs(lat))}° ${lat < 0 ? 'S' : 'N'}, ${fmt(Math.abs(lon))}° ${lon < 0 ? 'W' : 'E'}`;
  return (
    `observer at ${where} on ${sky.date}; sunset ${utcAfter(sky.sunsetUtc, 0)}; map at ` +
    `${utcAfter(sky.sunsetUtc, sky.mapMinutesAfterSunset)} (${sky.mapMinutesAfterSunset} min after sunset, the ` +
    `counted time with the most naked-eye satellites); LTAN read as ${sky.ltanTime}-Sun time`
  );
}

const SIZE = 360;
const R = 150;
const C = SIZE / 2;

/** Point of an azimuth and elevation on the map (zenith at the centre, horizon at radius R). */
function at(az_deg: number, el_deg: number): [number, number] {
  const r = (R * (90 - el_deg)) / 90;
  const a = (az_deg * Math.PI) / 180;
  return [C - r * Math.sin(a), C - r * Math.cos(a)];
}

/** One cell's annular sector as an SVG path. */
function cellPath(az_deg: number, el_deg: number): string {
  const [a0, a1, e0, e1] = [az_deg - 7.5, az_deg + 7.5, el_deg - 5, el_deg + 5];
  const [p, q, s, t] = [at(a0, e0), at(a1, e0), at(a1, e1), at(a0, e1)];
  const r0 = (R * (90 - e0)) / 90,
    r1 = (R * (90 - e1)) / 90;
  return (
    `M${px(p[0])},${px(p[1])}A${px(r0)},${px(r0)} 0 0 0 ${px(q[0])},${px(q[1])}L${px(s[0])},${px(s[1])}` +
    `A${px(r1)},${px(r1)} 0 0 1 ${px(t[0])},${px(t[1])}Z`
  );
}

const SKY_RED = '#c0392b';
/** A cell's fill opacity: 0.15 for one satellite up to 1 for the darkest cell. */
const shade = (n: number, most: number): number => Number((0.15 + (0.85 * n) / most).toFixed(3));

/** The map's shading legend: one satellite, thirds of the darkest cell and the darkest cell itself. */
function shadeLegend(most: number): ReturnType<typeof legendColumn> {
  const levels = [...new Set([1, Math.round(most / 3), Math.round((2 * most) / 3), most])].filter((n) => n >= 1);
  const entries = levels.map((n) => ({ name: count(n), color: SKY_RED, opacity: shade(n, most) }));
  return legendColumn(SIZE + 8, 24, [{ title: 'satellites V < 6 in a cell', entries }]);
}

export function skyMapSvg(sky: ConstellationRecord['sky']): string {
  const most = maxOf([1, ...sky.map.map((c) => c.nakedEye)]);
  const cells = sky.map
    .filter((c) => c.nakedEye > 0)
    .map(
      (c) =>
        `<path d="${cellPath(c.azimuth_deg, c.elevation_deg)}" fill="${SKY_RED}" fill-opacity="${shade(c.nakedEye, most)}"><title>${count(c.nakedEye)} brighter than V 6</title></path>`,
    )
    .join('');
  const rings = [0, 30, 60]
    .map((e) => `<circle cx="${C}" cy="${C}" r="${px((R * (90 - e)) / 90)}" fill="none" stroke="#999"/>`)
    .join('');
  const labels = [
    text(C, C - R - 14, 'N', { anchor: 'middle' }),
    text(C - R - 12, C, 'E', { anchor: 'middle', baseline: 'middle' }),
    text(C, C + R + 16, 'S', { anchor: 'middle' }),
    text(C + R + 12, C, 'W', { anchor: 'middle', baseline: 'middle' }),
    text(8, SIZE - 8, `darkest cell: ${count(most)} satellites V < 6; rings at 0°, 30°, 60° elevation`, { size: 10 }),
  ].join('');
  const legend = shadeLegend(most);
  return svgDocument(Math.ceil(SIZE + 8 + legend.width + PAD), SIZE, `${cells}${rings}${labels}${legend.svg}`);
}

export function skyTable(sky: ConstellationRecord['sky']): ReportTableData {
  return {
    headers: [
      'after sunset [min]',
      'time [UTC]',
      'Sun elevation [deg]',
      'above horizon [-]',
      'sunlit [-]',
      'V < 6 [-]',
      `V < ${sky.limit_mag} [-]`,
    ],
    rows: sky.epochs.map((e) => [
      String(e.minutesAfterSunset),
      utcAfter(sky.sunsetUtc, e.minutesAfterSunset).slice(0, 5),
      e.sunElevation_deg.toFixed(1),
      count(e.aboveHorizon),
      count(e.sunlit),
      count(e.nakedEye),
      count(e.belowLimit),
    ]),
  };
}

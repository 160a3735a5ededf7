/** The terminal summary of `odc screen` (the --json output is the ScreenResult itself). */
import { skipText, type ScreenResult } from './screen.js';

const LISTED = 20;

export function formatScreen(r: Readonly<ScreenResult>): string {
  const c = r.catalogue;
  const n = (x: number, d = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: d });
  const lines = [
    `Screen of ${r.screen.target}: ${n(r.own.satellites)} satellite(s) against ${n(c.screened)} catalogue objects, ${r.screen.start} + ${n(r.screen.hours, 1)} h, threshold ${n(r.screen.threshold_km, 1)} km`,
    `Catalogue: ${c.files.map((f) => `${f.path} (${f.format}, ${n(f.sets)} sets)`).join(', ')}; ${n(c.objects)} objects, ${skipText(c.skipped)}`,
    `Epochs ${c.epochs.min} … ${c.epochs.max} (median ${c.epochs.median}); age at the start: oldest ${n(c.ageAtStart_d.oldest, 1)} d, median ${n(c.ageAtStart_d.median, 1)} d, newest ${n(c.ageAtStart_d.newest, 1)} d`,
    ...(r.own.skipped.stale +
      r.own.skipped.unpropagable +
      r.own.skipped.format +
      r.own.skipped.checksum +
      r.own.skipped.duplicate >
    0
      ? [`Own element sets: ${skipText(r.own.skipped)}`]
      : []),
    '',
    `Close approaches: ${r.totals.map((t) => `${n(t.events)} below ${n(t.below_km, 1)} km (${n(t.perSatelliteYear, 1)} per satellite-year)`).join('; ')}`,
  ];
  if (r.events.length > 0) {
    lines.push(
      '',
      `${r.events.length > LISTED ? `First ${LISTED} of ${n(r.events.length)}` : 'Events'} (TCA UTC, miss, relative speed):`,
    );
    for (const e of r.events.slice(0, LISTED))
      lines.push(`  ${e.tca}  ${e.own}  ${e.norad} ${e.name}  ${n(e.miss_m)} m  ${n(e.relativeSpeed_m_s)} m/s`);
    lines.push(
      '',
      `Objects contributing most: ${r.topObjects.map((o) => `${o.name} (${o.norad}) ${o.events}`).join(', ')}`,
      `Groups: ${r.groups.map((g) => `${g.group} ${g.events}`).join(', ')}`,
      `Bands (the object's mean altitude): ${r.bands.map((b) => `${b.altitude_km}–${b.altitude_km + 10} km ${b.events}`).join(', ')}`,
    );
  }
  lines.push('', r.screen.note);
  return `${lines.join('\n')}\n`;
}

/**
 * Regenerates the node section of designs/CALIBRATION.md (between its `nodes:begin` and `nodes:end` markers) from
 * test/bench/calibrationNodes.ts, and the cost section (`costs:begin` … `costs:end`, placed after the node section)
 * from test/bench/calibrationCosts.ts. Run with `npm run calibration` (builds first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeCalibrationSection, repoRoot } from './calibrationNodes.js';
import { costCalibrationSection } from './calibrationCosts.js';

const path = join(repoRoot, 'designs/CALIBRATION.md');
const text = readFileSync(path, 'utf8');
const section = nodeCalibrationSection();
const begin = text.indexOf('<!-- nodes:begin');
const end = text.indexOf('<!-- nodes:end -->');
const anchor = text.indexOf('<!-- constellations:begin');
const next =
  begin >= 0 && end > begin
    ? text.slice(0, begin) + section + text.slice(end + '<!-- nodes:end -->'.length)
    : anchor >= 0
      ? `${text.slice(0, anchor)}${section}\n\n${text.slice(anchor)}`
      : `${text.trimEnd()}\n\n${section}\n`;
const costs = costCalibrationSection();
const cBegin = next.indexOf('<!-- costs:begin');
const cEnd = next.indexOf('<!-- costs:end -->');
const nodesEnd = next.indexOf('<!-- nodes:end -->') + '<!-- nodes:end -->'.length;
const withCosts =
  cBegin >= 0 && cEnd > cBegin
    ? next.slice(0, cBegin) + costs + next.slice(cEnd + '<!-- costs:end -->'.length)
    : `${next.slice(0, nodesEnd)}\n\n${costs}${next.slice(nodesEnd)}`;
writeFileSync(path, withCosts);
console.log(section);
console.log(costs);

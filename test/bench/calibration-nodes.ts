/**
 * Regenerates the node section of designs/CALIBRATION.md (between its `nodes:begin` and `nodes:end` markers) from
 * test/bench/calibrationNodes.ts. Run with `npm run calibration` (builds first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeCalibrationSection, repoRoot } from './calibrationNodes.js';

const path = join(repoRoot, 'designs/CALIBRATION.md');
const text = readFileSync(path, 'utf8');
const section = nodeCalibrationSection();
const begin = text.indexOf('<!-- nodes:begin');
const end = text.indexOf('<!-- nodes:end -->');
const anchor = text.indexOf('<!-- constellations:begin');
const next = begin >= 0 && end > begin
  ? text.slice(0, begin) + section + text.slice(end + '<!-- nodes:end -->'.length)
  : anchor >= 0 ? `${text.slice(0, anchor)}${section}\n\n${text.slice(anchor)}` : `${text.trimEnd()}\n\n${section}\n`;
writeFileSync(path, next);
console.log(section);

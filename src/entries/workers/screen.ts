/**
 * piscina worker entry of `odc screen` (src/analysis/screen/screen.ts): one contiguous share of the own satellites
 * against the whole catalogue per task; samples done are added to a shared counter for the progress line.
 */
import { runScreenTask, type ScreenTask } from '../../analysis/screen/screen.js';
import type { RawEvent } from '../../constellation/catalogue/screen.js';

export default function run(task: ScreenTask): RawEvent[] {
  return runScreenTask(task);
}

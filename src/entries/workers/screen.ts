/**
 * piscina worker entry of `odc screen` (src/analysis/screen/screen.ts): one contiguous share of the own satellites
 * against the whole catalogue per task; samples done are added to a shared counter for the progress line.
 */
import { runScreenTask, type ScreenTask, type ScreenTaskResult } from '../../analysis/screen/screen.js';

export default function run(task: ScreenTask): ScreenTaskResult {
  return runScreenTask(task);
}

/**
 * What `odc run` and `odc report` import when they run (src/entries/cli/main.ts): the run's composition root and the
 * few
 * pieces the command uses around it. The build makes it a chunk of its own (dist/src/entries/cli/odc-run.cjs, with its
 * own
 * code cache: see esbuild.config.mjs), so these commands load the run and the report and not the rest of the library.
 */
export { heldSeedReports, renderFolderReport, renderReport, runStudy } from '../runStudy.js';
export { checkRedisUrl } from '../../run/evaluators/redisUrl.js';
export { formatRunSummary } from '../../report/decision/summary.js';
export { loadRunStudy, readLock, RUN_LOCK, studySlug } from '../../run/runFolder.js';
export { readYaml } from '../../base/yaml.js';
export { multiSeedDir, runSeeds, seedList, SEEDS_FILE } from '../../run/multiSeed.js';
export { writeSeedsReport } from '../../report/decision/seedsReport.js';
export { formatSeedsSummary } from '../../report/decision/summary.js';

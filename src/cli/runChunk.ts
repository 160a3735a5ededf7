/**
 * What `odc run` and `odc report` import when they run (src/cli/main.ts): the run's composition root and the few
 * pieces the command uses around it. The build makes it a chunk of its own (dist/src/cli/odc-run.cjs, with its own
 * code cache: see esbuild.config.mjs), so these commands load the run and the report and not the rest of the library.
 */
export { renderReport, runStudy } from '../runStudy.js';
export { checkRedisUrl } from '../parallel/redisUrl.js';
export { formatRunSummary } from '../report/summary.js';
export { RUN_LOCK, studySlug } from '../run/runFolder.js';
export { readYaml } from '../io/yaml.js';

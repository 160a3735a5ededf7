/**
 * What the other commands import when they run (src/entries/cli/main.ts, serve.ts, analysisCommands.ts): the library
 * API
 * and the explorer's server. The build makes it a chunk of its own (dist/src/entries/cli/odc-library.cjs, see
 * esbuild.config.mjs).
 */
export * from '../../index.js';
export { startServer } from '../../serve/server.js';

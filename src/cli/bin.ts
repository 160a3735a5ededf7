#!/usr/bin/env node
/** Executable entry of `odc` (package.json "bin"); everything else is in main.ts so tests can run it in-process. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));

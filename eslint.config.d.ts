// Types of eslint.config.js for the TypeScript that imports it (test/ci/fileHeader.test.ts).
import type { Linter, Rule } from 'eslint';
export declare const MAX_HEADER_LINES: number;
export declare const fileHeader: Rule.RuleModule;
declare const config: Linter.Config[];
export default config;

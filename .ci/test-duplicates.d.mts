// Types of .ci/test-duplicates.mjs for the TypeScript that imports it (test/ci/testDuplicates.test.ts).
export declare function codeLines(text: string): { text: string; number: number }[];
export declare function duplicatedRuns(
  files: readonly { name: string; lines: readonly { text: string; number: number }[] }[],
): { p: { name: string; index: number }; q: { name: string; index: number }; first: number; last: number }[];

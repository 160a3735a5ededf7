// Types of .ci/budgets.mjs for the TypeScript that imports it (test/ci/budgets.test.ts).
export declare const LAYERS: readonly { readonly name: string; readonly path: string }[];
export declare function codeLines(text: string, fileName?: string): number[];
export declare function countCodeLines(text: string, fileName?: string): number;
export declare function checkBudgets(options?: { root?: string; budgets?: string }): {
  counts: Record<string, number>;
  limits: Record<string, number>;
  problems: string[];
};

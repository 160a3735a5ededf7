// Types of .ci/build.mjs for the TypeScript that imports it (test/helpers/globalSetup.ts, test/ci/build.test.ts).
export declare const SOURCES: readonly string[];
export declare const STAMP: string;
export declare const OUTPUTS: readonly string[];
export declare function staleReason(p: {
  readonly sources: readonly { readonly path: string; readonly mtimeMs: number }[];
  readonly stampMs: number | undefined;
  readonly missing: readonly string[];
}): string | undefined;
export declare function staleness(root?: string): string | undefined;
export declare function buildDist(options?: { root?: string; tolerateTypeErrors?: boolean }): string | undefined;
export declare class BuildError extends Error {}

// Types of .ci/build.mjs for the TypeScript that imports it (test/helpers/globalSetup.ts, test/ci/build.test.ts).
export declare const SOURCES: readonly string[];
export declare const MANIFEST: string;
export declare const MAX_MANIFEST_BYTES: number;
export declare const OUTPUTS: readonly string[];
export interface BuildManifest {
  readonly sources: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, string>>;
}
export declare function staleReason(p: {
  readonly manifest: BuildManifest | undefined;
  readonly sources: ReadonlyMap<string, string>;
  readonly outputs: ReadonlyMap<string, string>;
}): string | undefined;
export declare function sourceHashes(root?: string): Map<string, string>;
export declare function outputHashes(root?: string): Map<string, string>;
export declare function staleness(root?: string): string | undefined;
export declare function buildDist(options?: { root?: string; tolerateTypeErrors?: boolean }): string | undefined;
export declare class BuildError extends Error {}

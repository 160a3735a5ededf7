/**
 * Values built on first use instead of at module load. Every `odc` command loads the whole CLI bundle, and building
 * all zod schemas there cost ~25 ms of CPU per command although most commands use a few of them (a benchmark study
 * run only its study and algorithm schemas). Each schema is still one instance: a getter returns the object it built
 * the first time, so schemas composed from others share them as before (zod keys metadata such as `.describe()` by
 * object identity).
 */

/** A getter that calls `build` once, on its first call, and returns that same value from then on. */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}

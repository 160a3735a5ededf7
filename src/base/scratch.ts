/**
 * A model's input record that a hot caller keeps and rewrites before each call, instead of a fresh object literal per
 * call: V8 stores a number into an existing number field in place, where a literal allocates the record and a box for
 * each of its numbers (odc compiles without escape analysis: docs/performance.md §"Compiler"). Only for models that
 * keep nothing of their input once they return, called by nothing that could be inside another call of the same model.
 */
export type Scratch<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A function generated once from its source, for a hot loop over a list fixed when the function is made (a study's
 * variables, the fields its objectives read): the loop written out, one statement per element, gives each element its
 * own call or store site, which V8 sees monomorphic and can inline, where one site in a loop over different
 * functions or objects goes megamorphic (a call that returns a number then boxes it; docs/performance.md, "Node
 * evaluation"). `constants` are bound by name around the function; the caller builds `body` from its own identifiers
 * and JSON literals only, never from input text.
 */
export function generatedFunction<F>(
  constants: Readonly<Record<string, unknown>>,
  params: readonly string[],
  body: string,
): F {
  const names = Object.keys(constants);
  const factory = new Function(
    ...names,
    `'use strict';\nreturn function generated(${params.join(', ')}) {\n${body}\n};`,
  ) as (...values: unknown[]) => F;
  return factory(...names.map((k) => constants[k]));
}

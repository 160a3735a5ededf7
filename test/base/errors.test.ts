/**
 * isStudyError recognizes a StudyError thrown by another copy of src/base/errors.ts: the CLI's bundle and each of its
 * chunks (esbuild.config.mjs) hold one, and a user error thrown in a chunk must still reach the user as one line and
 * exit 2, not as an internal error with a stack trace. incompleteBuildMessage turns a module missing from dist/ into
 * the fix.
 */
import { describe, expect, it } from 'vitest';
import { incompleteBuildMessage, isStudyError, StudyError } from '../../src/base/errors.js';

/** What another copy of the module defines: a class of its own, branded through the global symbol registry. */
class OtherCopyStudyError extends Error {}
Object.defineProperty(OtherCopyStudyError.prototype, Symbol.for('odc.StudyError'), { value: true });

describe('isStudyError', () => {
  it("is true for this module's StudyError and for another copy's, false for other errors and values", () => {
    expect(isStudyError(new StudyError('BAD_ARGUMENT', 'x'))).toBe(true);
    const other = new OtherCopyStudyError('from a chunk');
    expect(other instanceof StudyError).toBe(false);
    expect(isStudyError(other)).toBe(true);
    expect(isStudyError(new Error('a bug'))).toBe(false);
    // a look-alike brand under a symbol of its own is not the registry's
    const fake = Object.assign(new Error('fake'), { [Symbol('odc.StudyError')]: true });
    expect(isStudyError(fake)).toBe(false);
    expect(isStudyError(null)).toBe(false);
    expect(isStudyError('StudyError')).toBe(false);
  });

  it('the brand is on the prototype, not an own property: a StudyError compares and serializes as before', () => {
    const e = new StudyError('BAD_ARGUMENT', 'x', { file: 'a.yaml' });
    expect(Object.getOwnPropertySymbols(e)).toEqual([]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: 'StudyError', code: 'BAD_ARGUMENT', file: 'a.yaml' });
  });
});

describe('incompleteBuildMessage', () => {
  const missing = (code: string, path: string): Error =>
    Object.assign(new Error(`Cannot find module '${path}' imported from /p/dist/src/entries/workers/evaluation.js`), {
      code,
    });

  it('names the missing file of dist/ and the fix, for ES module and CommonJS loaders', () => {
    for (const code of ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])
      expect(incompleteBuildMessage(missing(code, '/p/dist/src/entries/cli/bundle-X.js'))).toBe(
        "the build in dist/ is incomplete (Cannot find module '/p/dist/src/entries/cli/bundle-X.js' imported from " +
          '/p/dist/src/entries/workers/evaluation.js): run npm run build',
      );
  });

  it('is undefined for any other error: a package missing outside dist/ is not a build problem', () => {
    const pkg = Object.assign(new Error("Cannot find package 'vega' imported from /home/u/app.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(incompleteBuildMessage(pkg)).toBeUndefined();
    expect(incompleteBuildMessage(Object.assign(new Error('/p/dist/x.js'), { code: 'ENOENT' }))).toBeUndefined();
    expect(incompleteBuildMessage(new TypeError('x is not a function'))).toBeUndefined();
    expect(incompleteBuildMessage(null)).toBeUndefined();
  });
});

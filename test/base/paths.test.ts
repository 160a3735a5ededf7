/**
 * pathInside: a path below a folder as '/'-separated parts, or null when it is outside the folder or the folder
 * itself. Expectations written by hand from the paths.
 */
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathInside } from '../../src/base/paths.js';

const root = join(sep, 'opt', 'odc');

describe('pathInside', () => {
  it('names a file below the folder by its parts joined with /', () => {
    expect(pathInside(root, join(root, 'designs', 'ai1.yaml'))).toBe('designs/ai1.yaml');
    expect(pathInside(root, join(root, 'a', '..', 'b.yaml'))).toBe('b.yaml');
  });

  it('is null outside the folder, for a sibling sharing its name as a prefix, and for the folder itself', () => {
    expect(pathInside(root, join(sep, 'opt', 'other', 'ai1.yaml'))).toBeNull();
    expect(pathInside(root, join(sep, 'opt', 'odc-old', 'ai1.yaml'))).toBeNull();
    expect(pathInside(root, root)).toBeNull();
  });
});

/**
 * Sizes of the scale tests. `npm test` runs them small (the same code paths, fewer designs); `npm run test:scale`
 * sets ODC_TEST_SCALE=full and runs them at the size the feature is for (a 500,000-evaluation resume, archives fed
 * up to 9,000 designs), which takes minutes.
 */
export const FULL_SCALE = process.env['ODC_TEST_SCALE'] === 'full';

/** `small` in `npm test`, `full` in `npm run test:scale`. */
export const atScale = <T>(small: T, full: T): T => (FULL_SCALE ? full : small);

/**
 * Redis URLs and names shared by the distributed coordinator and workers: URL parsing
 * (`redis://[:password@]host:port[/db]`, `rediss://` for TLS), the password-free form that may be logged
 * or written to run.json, and the names of the keys and queue one study uses. No ioredis here: the CLI checks
 * and prints URLs without loading the Redis client (src/run/evaluators/redisConnection.ts).
 */
import { StudyError } from '../../base/errors.js';

/** The URL with any password replaced by `***` (what run.json, logs and reports may show). */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    if (u.username !== '' && u.username !== 'default') u.username = '***';
    return u.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}

/** Checks the URL's form; a user error names the expected form (never echoing a password). */
export function checkRedisUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new StudyError(
      'BAD_ARGUMENT',
      `--redis ${redactRedisUrl(url)}: not a URL; write redis://host:port (rediss:// for TLS, redis://:password@host:port with a password)`,
      { field: 'redis' },
    );
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new StudyError(
      'BAD_ARGUMENT',
      `--redis ${redactRedisUrl(url)}: the scheme must be redis:// or rediss:// (TLS), got ${u.protocol}//`,
      { field: 'redis' },
    );
  }
  return u;
}

/** Queue and key names of one queue namespace. */
export const queueName = (name: string): string => `odc-${name}`;
export const studyKey = (name: string, hash: string): string => `odc:${name}:study:${hash}`;

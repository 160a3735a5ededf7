/**
 * The ioredis client the distributed coordinator and workers connect with (URL checks and key names:
 * src/run/evaluators/redisUrl.ts).
 */
import { Redis, type RedisOptions } from 'ioredis';
import { checkRedisUrl } from './redisUrl.js';

/**
 * An ioredis client for BullMQ. `maxRetriesPerRequest: null` is what BullMQ workers require; ioredis
 * reconnects by itself after a Redis restart. TLS (`rediss://`) verifies the server against the system
 * CAs plus NODE_EXTRA_CA_CERTS.
 */
export function redisClient(url: string): Redis {
  checkRedisUrl(url);
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
  return new Redis(url, options as never);
}

/**
 * Errors that reconnecting cannot cure, as one line saying what to fix; null for the others (a server that is
 * down or restarting, a dropped connection), which the caller retries until its deadline.
 */
export function fatalRedisError(e: Error): string | null {
  const m = `${e.message} ${(e as { code?: string }).code ?? ''}`;
  if (/WRONGPASS|NOAUTH|invalid username-password|without any password configured|invalid password/i.test(m)) {
    return "authentication failed: give the server's password in the URL (redis://:password@host:port), or none if it has none";
  }
  if (/DB index is out of range|invalid DB index/i.test(m)) {
    return 'the database index in the URL is out of range: use one the server has (0 to 15 unless its databases setting says more)';
  }
  if (
    /wrong version number|EPROTO|ERR_SSL|SSL routines|certificate|self[- ]signed|unable to (get|verify)|before secure TLS connection/i.test(
      m,
    )
  ) {
    return `the TLS connection failed (${e.message.slice(0, 160)}): use redis:// for a server without TLS, or name its CA in NODE_EXTRA_CA_CERTS`;
  }
  return null;
}

/** Connection attempts over TLS that time out, before any succeeded, taken as "this server does not speak TLS". */
const TLS_TIMEOUTS = 2;

/**
 * Watches a client's errors for one that reconnecting cannot cure: `fatalRedisError`, and for rediss:// a
 * connection that has never become ready and timed out `TLS_TIMEOUTS` times (a server without TLS reads the
 * TLS greeting as a command and waits: ioredis sees only connect timeouts). Also catches errors after which
 * ioredis carries on regardless (a SELECT of a database index out of range leaves the client on database 0).
 * Returns the reason so far, or null.
 */
export function watchRedisClient(client: Redis, url: string, onFatal: (reason: string) => void): () => string | null {
  let reason: string | null = null;
  let everReady = false;
  let timeouts = 0;
  const tls = url.startsWith('rediss:');
  client.on('ready', () => void (everReady = true));
  client.on('error', (e: Error) => {
    if (reason !== null) return;
    reason = fatalRedisError(e);
    if (
      reason === null &&
      tls &&
      !everReady &&
      /ETIMEDOUT/.test(`${e.message} ${(e as { code?: string }).code ?? ''}`) &&
      ++timeouts >= TLS_TIMEOUTS
    ) {
      reason = `no TLS connection could be set up in ${TLS_TIMEOUTS} tries (the server answers TCP but not TLS): use redis:// for a server without TLS, or check its TLS port`;
    }
    if (reason !== null) onFatal(reason);
  });
  return () => reason;
}

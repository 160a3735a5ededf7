/**
 * The ioredis client the distributed coordinator and workers connect with (URL checks and key names:
 * src/parallel/redisUrl.ts).
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
  const options: RedisOptions = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(200 * times, 2000) };
  return new Redis(url, options as never);
}

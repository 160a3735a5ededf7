/**
 * A real redis-server (Debian package, installed by .ci/run) on a free loopback port, for the distributed
 * tests: started with no persistence in a temporary folder, stopped with SIGTERM. No mocks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { tempDir } from './tmp.js';
import { stopChild } from './process.js';
import { startWorker, VERSION } from '../../src/index.js';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const redisAvailable = existsSync(REDIS_SERVER);

/** A free TCP port on 127.0.0.1 (asks the OS for one, then releases it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 (openssl), for a TLS Redis: its files double as the CA. */
export function selfSignedCertificate(): { cert: string; key: string } {
  const dir = tempDir('tls-');
  const cert = join(dir, 'cert.pem'),
    key = join(dir, 'key.pem');
  const r = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr.toString()}`);
  return { cert, key };
}

/**
 * Starts redis-server on `port` (default: a free one), optionally with a password, or TLS only (`rediss://`
 * with the given certificate); resolves once it answers PING.
 */
export async function startRedis(
  opts: { port?: number; password?: string; tls?: { cert: string; key: string } } = {},
): Promise<RedisServer> {
  const port = opts.port ?? (await freePort());
  const args = [
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    tempDir('redis-'),
    '--daemonize',
    'no',
  ];
  args.push(
    ...(opts.tls
      ? [
          '--port',
          '0',
          '--tls-port',
          String(port),
          '--tls-cert-file',
          opts.tls.cert,
          '--tls-key-file',
          opts.tls.key,
          '--tls-ca-cert-file',
          opts.tls.cert,
          '--tls-auth-clients',
          'no',
        ]
      : ['--port', String(port)]),
  );
  if (opts.password) args.push('--requirepass', opts.password);
  const proc: ChildProcess = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
  const auth = [
    ...(opts.password ? ['-a', opts.password, '--no-auth-warning'] : []),
    ...(opts.tls ? ['--tls', '--cacert', opts.tls.cert] : []),
  ];
  for (let i = 0; i < 100; i++) {
    const r = spawnSync('redis-cli', ['-p', String(port), ...auth, 'ping'], { encoding: 'utf8' });
    if (r.stdout.trim() === 'PONG') break;
    await new Promise((res) => setTimeout(res, 50));
  }
  const url = `${opts.tls ? 'rediss' : 'redis'}://${opts.password ? `:${opts.password}@` : ''}127.0.0.1:${port}`;
  return {
    port,
    url,
    stop: () => stopChild(proc),
  };
}

/** An in-process worker on `queue` taking one job at a time, its log discarded; `odcVersion` is the one it claims. */
export function quietWorker(url: string, queue: string, odcVersion: string = VERSION): ReturnType<typeof startWorker> {
  return startWorker({ url, queue, concurrency: 1, odcVersion, log: () => undefined });
}

/**
 * Loopback recognition against the address blocks of RFC 1122 §3.2.1.3 (127.0.0.0/8) and RFC 4291 §2.5.3/§2.5.5.2
 * (::1, ::ffff:127.0.0.0/104), written out by hand in each textual form a user or a browser may use.
 */
import { describe, expect, it } from 'vitest';
import { hostHeaderKey, isLoopbackAddress, isWildcardAddress, loopbackHostKeys } from '../../src/serve/loopback.js';

describe('loopback addresses', () => {
  // 127.0.0.0/8, ::1 and IPv4-mapped loopback in every form; every other address, and names (a name must be resolved
  // first), refused
  it.each([
    ['127.0.0.1', true],
    ['127.1', true],
    ['127.0.0.2', true],
    ['127.255.255.254', true],
    ['0x7f.1', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::FFFF:127.9.9.9', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['126.255.255.255', false],
    ['0.0.0.0', false],
    ['::', false],
    ['::2', false],
    ['::ffff:10.0.0.1', false],
    ['localhost', false],
    ['evil.example', false],
    ['', false],
  ] as const)('isLoopbackAddress(%j) is %s', (address, loopback) => {
    expect(isLoopbackAddress(address), address).toBe(loopback);
  });
  it('calls empty, 0.0.0.0 and :: wildcards', () => {
    for (const a of ['', ' ', '0.0.0.0', '0', '::', '0:0:0:0:0:0:0:0']) expect(isWildcardAddress(a), a).toBe(true);
    for (const a of ['127.0.0.1', '::1', '10.0.0.1']) expect(isWildcardAddress(a), a).toBe(false);
  });
});

describe('Host header keys', () => {
  it('admits localhost and the loopback literals at the bound port only', () => {
    const keys = loopbackHostKeys('127.0.0.2', 8737);
    for (const h of ['localhost:8737', 'LOCALHOST:8737', '127.0.0.1:8737', '[::1]:8737', '127.0.0.2:8737'])
      expect(keys.has(hostHeaderKey(h)!), h).toBe(true);
    for (const h of [
      'evil.example:8737',
      'localhost:8738',
      'localhost',
      '127.0.0.1.evil.example:8737',
      'a@localhost:8737',
    ])
      expect(keys.has(hostHeaderKey(h) ?? ''), h).toBe(false);
  });
  it('reads a missing port as 80 and refuses what is not a host', () => {
    expect(hostHeaderKey('localhost')).toBe('localhost:80');
    expect(hostHeaderKey('localhost:80')).toBe('localhost:80');
    expect(hostHeaderKey('')).toBeUndefined();
    expect(hostHeaderKey(undefined)).toBeUndefined();
    expect(hostHeaderKey('a/b')).toBeUndefined();
  });
});

/**
 * Which addresses are this machine only, and which Host headers may reach a server bound to one (DNS rebinding).
 * Loopback is 127.0.0.0/8 (RFC 1122 §3.2.1.3 (g)), ::1 (RFC 4291 §2.5.3) and IPv4-mapped 127.0.0.0/8
 * (::ffff:127.x.y.z, RFC 4291 §2.5.5.2), in any textual form: the address is put in the WHATWG URL parser's canonical
 * form first, so `127.1`, `0x7f.1` and `::ffff:7f00:1` are recognised too.
 */
import { isIP } from 'node:net';

/** The canonical host of an address or name as a browser writes it in a URL (IPv6 in brackets), or undefined. */
export function canonicalHost(host: string): string | undefined {
  const bracketed = isIP(host) === 6 ? `[${host}]` : host;
  try {
    return new URL(`http://${bracketed}/`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** True for an address literal (any form) inside loopback; a name, even `localhost`, is false (resolve it first). */
export function isLoopbackAddress(address: string): boolean {
  const host = canonicalHost(address);
  if (host === undefined) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host.startsWith('127.');
  if (host === '[::1]') return true;
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}\]$/.exec(host);
  return mapped !== null && Number.parseInt(mapped[1]!, 16) >> 8 === 127;
}

/** True for a bind address that means every interface: empty, 0.0.0.0 or :: in any form. */
export function isWildcardAddress(address: string): boolean {
  if (address.trim() === '') return true;
  const host = canonicalHost(address);
  return host === '0.0.0.0' || host === '[::]';
}

/**
 * The Host headers a loopback-bound server answers: `localhost`, the loopback literals a browser may write and the
 * bound address itself, each with the port, in canonical form. A request's Host is compared after the same
 * canonicalisation (`hostHeaderKey`), so a name that resolves elsewhere (an attacker's rebinding domain) never matches.
 */
export function loopbackHostKeys(boundAddress: string, port: number): Set<string> {
  const names = ['localhost', '127.0.0.1', '::1', boundAddress];
  return new Set(names.map((n) => `${canonicalHost(n) ?? n}:${port}`));
}

/** A Host header as `canonical-host:port` (port 80 when absent), or undefined when it is not a valid host. */
export function hostHeaderKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  try {
    const url = new URL(`http://${header}/`);
    if (url.username !== '' || url.password !== '' || url.pathname !== '/') return undefined;
    return `${url.hostname.toLowerCase()}:${url.port === '' ? 80 : url.port}`;
  } catch {
    return undefined;
  }
}

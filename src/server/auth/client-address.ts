import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Which reverse proxies may name the client in `X-Forwarded-For` (env `TRUSTED_PROXIES`):
 * a number of proxy hops in front of the server, or the proxies' addresses and subnets.
 * Without it the header is ignored: anyone could send any value there and get a fresh sign-in
 * budget per request.
 */
export type TrustedProxies =
  { kind: 'hops'; hops: number } | { kind: 'list'; entries: readonly string[] };

/** Parses `TRUSTED_PROXIES`: "2", or "10.0.0.1, 10.1.0.0/16, ::1". Throws a Dutch sentence. */
export function parseTrustedProxies(text: string): TrustedProxies {
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error('een aantal proxy-stappen van 1 tot en met 10');
    return { kind: 'hops', hops };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= max))
    )
      throw new Error(`een IP-adres of subnet (CIDR), niet "${entry}"`);
  }
  if (entries.length === 0) throw new Error('een lijst van IP-adressen of subnetten');
  return { kind: 'list', entries };
}

/** The peer address of the request as @hono/node-server exposes it. */
function peerAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

function trustedList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/**
 * The client's address for sign-in limiting. Behind trusted proxies it is the right-most
 * `X-Forwarded-For` entry that a trusted proxy added (entries further left are whatever the
 * client sent). IPv6 addresses count per /64: one household or phone gets a whole /64.
 */
export function clientAddress(c: Context, trusted?: TrustedProxies): string {
  const peer = normalise(peerAddress(c) ?? '');
  if (!trusted || peer === '') return peer === '' ? 'unknown' : bucket(peer);
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => normalise(entry.trim()))
    .filter((entry) => entry !== '');
  // The chain as the server sees it, client side first; the peer is the last proxy.
  const chain = [...forwarded, peer];
  let index = chain.length - 1;
  if (trusted.kind === 'hops') {
    index = Math.max(0, chain.length - 1 - trusted.hops);
  } else {
    const list = trustedList(trusted.entries);
    const isTrusted = (address: string) =>
      list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    while (index > 0 && isTrusted(chain[index] ?? '')) index -= 1;
  }
  const client = chain[index] ?? peer;
  return isIP(client) === 0 ? bucket(peer) : bucket(client);
}

/** A plain IP address, or '' for anything else (a port, brackets and IPv4-in-IPv6 removed). */
function normalise(text: string): string {
  let address = text.replace(/^\[|\](?::\d+)?$/g, '');
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? '' : address;
}

/** IPv4 as is; IPv6 as its /64 prefix. */
function bucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Whether the request's peer is a trusted proxy, so its `X-Forwarded-Proto` may be believed
 * (HSTS behind a TLS-terminating proxy). With a hop count every peer is the first proxy.
 */
export function peerIsTrustedProxy(c: Context, trusted?: TrustedProxies): boolean {
  if (!trusted) return false;
  if (trusted.kind === 'hops') return true;
  const peer = normalise(peerAddress(c) ?? '');
  return (
    peer !== '' && trustedList(trusted.entries).check(peer, isIP(peer) === 6 ? 'ipv6' : 'ipv4')
  );
}

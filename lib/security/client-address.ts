import { BlockList, isIP } from "node:net";

/**
 * Who is asking, for per-client rate limits. Forwarding headers are believed only from proxies
 * the operator named in TRUSTED_PROXIES (docs/decisions/020-hardening.md): walking from the
 * socket's peer leftwards through X-Forwarded-For, every trusted hop is skipped and the first
 * untrusted address is the client. With no trusted proxies the socket's peer is the client,
 * whatever the request says.
 */

export type TrustedProxies = BlockList;

function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  // IPv4 peers on a dual-stack socket arrive as ::ffff:a.b.c.d.
  return trimmed.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/** Parses "10.0.0.1, 192.168.0.0/16, ::1"; throws naming the first entry that is not an address or CIDR. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(normalize(address));
    if (!family) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(normalize(address), type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new Error(`"${entry}" has an invalid prefix length`);
      list.addSubnet(normalize(address), bits, type);
    }
  }
  return list;
}

function isTrusted(list: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

export function clientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  if (!peer) return "unknown";
  const hops = [...(forwardedFor ?? "").split(","), peer].map(normalize).filter(Boolean);
  // Right to left: the socket's peer first, then the address each trusted hop says it saw.
  for (let index = hops.length - 1; index > 0; index--) {
    if (!isTrusted(trusted, hops[index]!)) return hops[index]!;
  }
  return hops[0]!;
}

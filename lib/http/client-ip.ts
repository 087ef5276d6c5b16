/**
 * The client's address, as the key of rate limits (sign-in, the public API)
 * and a label in the audit trail; never used for authorisation.
 *
 * X-Forwarded-For is written by whoever sends the request, so it is believed
 * only as far as TRUST_PROXY says: with N trusted proxies in front, each of
 * which appends the address it received the request from, the client is the
 * N-th address from the right of [X-Forwarded-For…, TCP peer]. Entries further
 * left were sent by the client and would let it pick a fresh rate-limit key
 * for every request. With TRUST_PROXY=0 (the default) forwarded headers are
 * ignored and the client is the TCP peer (lib/http/peer-address.ts). When
 * that is not known, the answer is "unknown": one shared key is safer than a
 * key the client chooses. See docs/SECURITY.md.
 */
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { PEER_HEADER, readPeerStamp } from "./peer-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export const UNKNOWN_CLIENT_IP = "unknown";

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** A literal IPv4 or IPv6 address without port, brackets or the IPv4-mapped prefix; anything else is undefined. */
export function normalizeIp(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim();
  if (value.length > 64) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : undefined;
}

/**
 * Picks the client address from what the server knows: the TCP peer (when
 * known), the X-Forwarded-For the request arrived with, and how many proxies
 * in front are trusted to append to it.
 */
export function resolveClientIp(input: { peer: string | undefined; forwardedFor: string | undefined; trustProxyHops: number }): string {
  const forwarded = (input.forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = Math.max(0, Math.floor(input.trustProxyHops));
  let picked: string | undefined;
  if (input.peer) {
    const chain = [...forwarded, input.peer];
    picked = chain[Math.max(0, chain.length - 1 - hops)];
  } else if (hops > 0 && forwarded.length > 0) {
    // No peer known: the last entry is the one the nearest proxy appended.
    picked = forwarded[Math.max(0, forwarded.length - hops)];
  }
  return normalizeIp(picked) ?? UNKNOWN_CLIENT_IP;
}

export function clientIpFromHeaders(headers: HeaderBag, options: { trustProxyHops?: number } = {}): string {
  const trustProxyHops = options.trustProxyHops ?? getEnv().trustProxyHops;
  const stamp = readPeerStamp(header(headers, PEER_HEADER));
  if (stamp) return resolveClientIp({ peer: stamp.peer, forwardedFor: stamp.forwardedFor, trustProxyHops });
  // Not stamped (tests, or a request that reached a server still starting):
  // the X-Forwarded-For here may be the client's own or the one `next start`
  // filled in; either way only a trusted proxy's entries count.
  return resolveClientIp({ peer: undefined, forwardedFor: header(headers, "x-forwarded-for"), trustProxyHops });
}

/**
 * The TCP peer's address, for rate limits. Next.js hands route handlers,
 * server actions and next-auth the request's headers but never its socket,
 * and `next start` writes the socket address into X-Forwarded-For only when
 * the request has none (`??=` in next/dist/server/base-server.js): a client
 * that sends its own X-Forwarded-For chooses the address the app sees, and
 * so its rate-limit key.
 *
 * `installPeerAddressStamp()` (called once from instrumentation.ts, in the
 * server process) stamps every request as Node's HTTP server receives it,
 * before Next.js reads it, with the peer address and the X-Forwarded-For it
 * arrived with. The stamp starts with a secret made for this process, so a
 * client that sends a header of the same name is not believed: it stops
 * spoofed client addresses. Without the stamp (tests, a request that arrived
 * while the server was starting) there is no peer address.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";

export const PEER_HEADER = "x-covalent-peer";
const STATE = Symbol.for("covalent.peer-address-stamp");

type StampState = { token: string };
type GlobalWithStamp = typeof globalThis & { [STATE]?: StampState };

/** Builds a stamp value; exported for tests. */
export function encodePeerStamp(token: string, peer: string, forwardedFor: string): string {
  return `${token} ${peer || "-"} ${forwardedFor}`;
}

export function installPeerAddressStamp(): void {
  const global = globalThis as GlobalWithStamp;
  // Bundles may load this module more than once; the server must be patched once.
  if (global[STATE]) return;
  const token = randomBytes(24).toString("base64url");
  global[STATE] = { token };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampRequest(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const forwarded = request.headers["x-forwarded-for"];
      request.headers[PEER_HEADER] = encodePeerStamp(
        token,
        request.socket?.remoteAddress ?? "",
        (Array.isArray(forwarded) ? forwarded.join(",") : forwarded) ?? "",
      );
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/**
 * The peer address and the original X-Forwarded-For of a stamped request, or
 * null when the request carries no valid stamp (the token is compared in
 * constant time).
 */
export function readPeerStamp(
  value: string | undefined,
  token: string | undefined = (globalThis as GlobalWithStamp)[STATE]?.token,
): { peer: string | undefined; forwardedFor: string } | null {
  if (!value || !token) return null;
  const first = value.indexOf(" ");
  const second = value.indexOf(" ", first + 1);
  if (first < 0 || second < 0) return null;
  const given = Buffer.from(value.slice(0, first));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const peer = value.slice(first + 1, second);
  return { peer: peer === "-" ? undefined : peer, forwardedFor: value.slice(second + 1) };
}

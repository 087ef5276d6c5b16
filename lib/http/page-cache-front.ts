/**
 * Puts the anonymous page cache (lib/http/page-cache.ts) in front of
 * Next.js, in the server process, the way a caching reverse proxy would sit
 * in front of it: a request the cache can answer never reaches Next.js; any
 * other request goes on to Next.js untouched.
 *
 * Why here and not in proxy.ts: an answer from proxy.ts still passes
 * through Next's response path, which drops a Content-Encoding it did not set
 * and compresses the body again on every request (~200 kB of HTML), and its
 * routing costs more than the cached answer itself. Here a cached page costs
 * one primary-key read (the directory's version) and a CRC over bytes
 * compressed once.
 *
 * `installPageCacheFront()` is called once from instrumentation.ts (server
 * process, production only), after the peer-address stamp
 * (lib/http/peer-address.ts), and patches the HTTP server's request event
 * the same way. Only GETs of a cacheable path are looked at; everything else
 * costs one string comparison. The answer carries what proxy.ts and
 * next.config.ts give a rendered page: a fresh CSP nonce and policy, HSTS over
 * HTTPS, and the fixed security headers (replayed from the render).
 */
import http from "node:http";
import { readDirectoryVersion } from "@/lib/directory/version";
import { logger } from "@/lib/log/logger";
import { loopbackRenderRequest, PageCache, type PageAnswer, type PageRequest } from "./page-cache";
import { buildContentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "./security-headers";

const STATE = Symbol.for("covalent.page-cache-front");
type GlobalWithFront = typeof globalThis & { [STATE]?: true };

/** The cacheable paths (page-cache.ts decides the rest); a cheap first test on every request. */
const CANDIDATE = /^\/clusters(\?|$)/;

export function installPageCacheFront(options: { isHttps: boolean }): void {
  const global = globalThis as GlobalWithFront;
  if (global[STATE]) return;
  global[STATE] = true;

  const cache = new PageCache<FrontRequest>({
    readVersion: readDirectoryVersion,
    render: (request) => fetch(loopbackRenderRequest(request, request.origin)),
    onError: (message, error) => logger.warn(message, { error }),
  });

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function pageCacheFront(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (request.method !== "GET" || !CANDIDATE.test(request.url ?? "")) return Reflect.apply(emit, this, [event, ...args]) as boolean;

    const pass = () => Reflect.apply(emit, this, [event, ...args]) as boolean;
    const nonce = createNonce();
    const policy = buildContentSecurityPolicy({ nonce, isDevelopment: false, isHttps: options.isHttps });
    cache
      .respond(toPageRequest(request), nonce, policy)
      .then(
        (answer) => (answer ? send(response, answer, options.isHttps) : pass()),
        (error: unknown) => {
          logger.warn("page cache: the cache failed; rendering normally", { error });
          pass();
        },
      )
      // Writing the answer failed (the client went away): nothing is left to do but say so.
      .catch((error: unknown) => logger.warn("page cache: could not send the answer", { error }));
    return true;
  } as typeof emit;
}

type FrontRequest = PageRequest & { origin: string };

/** The request as page-cache.ts sees it, and the address this server was reached at (the loopback render goes there). */
function toPageRequest(request: http.IncomingMessage): FrontRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const socket = request.socket;
  const address = socket.localAddress ?? "127.0.0.1";
  const host = address.includes(":") && !address.startsWith("::ffff:") ? `[${address}]` : address.replace(/^::ffff:/, "");
  return { method: request.method ?? "GET", url: `http://localhost${request.url ?? "/"}`, headers, origin: `http://${host}:${socket.localPort}` };
}

function send(response: http.ServerResponse, answer: PageAnswer, isHttps: boolean): void {
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = name === "set-cookie" ? answer.headers.getSetCookie() : value;
  });
  if (isHttps) headers["strict-transport-security"] = STRICT_TRANSPORT_SECURITY;
  headers["content-length"] = String(answer.body.byteLength);
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

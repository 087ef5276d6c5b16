/**
 * The fast lane: the two hottest public GETs are answered in the server
 * process before Next.js routes them, the way a caching reverse proxy in
 * front of the app would. Next's routing, proxy and response path cost about
 * 1.7 ms of CPU per request, which at 20 concurrent clients on one Node
 * process is most of the directory's latency (docs/PERFORMANCE.md):
 *
 * - `GET /clusters` by a visitor without a session: the anonymous page cache
 *   (lib/http/page-cache.ts) answers from the HTML it rendered before for
 *   the same language and query while the directory is unchanged, with a
 *   fresh CSP nonce; a miss is rendered by Next.js over loopback.
 * - `GET /api/v1/clusters`: the route's own handler
 *   (app/api/v1/clusters/route.ts: rate limit, answer cache, CORS, errors) is
 *   called here directly, so there is one implementation; only Next's routing
 *   is skipped. The handler's gzip label is sent as it is.
 *
 * Everything else (other paths, HEAD, OPTIONS, a signed-in visitor's page, a
 * client-side navigation) goes on to Next.js untouched, after one string
 * comparison. The answers carry what next.config.ts and proxy.ts give the
 * same answer through Next.js: the fixed security headers, HSTS over HTTPS,
 * and for the page a fresh CSP nonce and policy.
 *
 * `installFastLane()` is called once from instrumentation.ts (server process,
 * production only) and patches the HTTP server's request event, like the
 * peer-address stamp (lib/http/peer-address.ts), which must run first: the
 * API's rate limit keys on the address it stamps.
 */
import http from "node:http";
import { GET as directoryApi } from "@/app/api/v1/clusters/route";
import { readDirectoryVersion } from "@/lib/directory/version";
import { logger } from "@/lib/log/logger";
import { loopbackRenderRequest, PageCache, type PageAnswer, type PageRequest } from "./page-cache";
import { BASE_SECURITY_HEADERS, buildContentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "./security-headers";

const STATE = Symbol.for("covalent.fast-lane");
type GlobalWithLane = typeof globalThis & { [STATE]?: true };

type Lane = "page" | "api";

/** Which lane a request's target goes to, by its path alone (query strings are the lanes' business). */
function laneOf(target: string): Lane | null {
  const end = target.indexOf("?");
  const path = end < 0 ? target : target.slice(0, end);
  if (path === "/clusters") return "page";
  if (path === "/api/v1/clusters") return "api";
  return null;
}

type FrontRequest = PageRequest & { origin: string };

export function installFastLane(options: { isHttps: boolean }): void {
  const global = globalThis as GlobalWithLane;
  if (global[STATE]) return;
  global[STATE] = true;

  const pageCache = new PageCache<FrontRequest>({
    readVersion: readDirectoryVersion,
    render: (request) => fetch(loopbackRenderRequest(request, request.origin)),
    onError: (message, error) => logger.warn(message, { error }),
  });

  async function answer(lane: Lane, request: http.IncomingMessage): Promise<PageAnswer | null> {
    const front = toFrontRequest(request);
    if (lane === "api") {
      const response = await directoryApi(new Request(front.url, { headers: front.headers }));
      return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
    }
    const nonce = createNonce();
    const policy = buildContentSecurityPolicy({ nonce, isDevelopment: false, isHttps: options.isHttps });
    return pageCache.respond(front, nonce, policy);
  }

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function fastLane(this: http.Server, event: string | symbol, ...args: unknown[]) {
    const pass = () => Reflect.apply(emit, this, [event, ...args]) as boolean;
    if (event !== "request") return pass();
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    const lane = request.method === "GET" ? laneOf(request.url ?? "") : null;
    if (lane === null) return pass();
    answer(lane, request)
      .then(
        (result) => (result ? send(response, result, options.isHttps) : pass()),
        (error: unknown) => {
          logger.warn("fast lane: could not answer; passing the request on to Next.js", { error, lane });
          pass();
        },
      )
      // Writing the answer failed (the client went away): nothing is left to do but say so.
      .catch((error: unknown) => logger.warn("fast lane: could not send the answer", { error, lane }));
    return true;
  } as typeof emit;
}

/** The request as the lanes see it, and the address this server was reached at (the page cache's loopback render goes there). */
function toFrontRequest(request: http.IncomingMessage): FrontRequest {
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
  for (const { key, value } of BASE_SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  answer.headers.forEach((value, name) => {
    headers[name] = name === "set-cookie" ? answer.headers.getSetCookie() : value;
  });
  if (isHttps) headers["strict-transport-security"] = STRICT_TRANSPORT_SECURITY;
  headers["content-length"] = String(answer.body.byteLength);
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/**
 * Precompressed answers of the public API. Next.js gzips every compressible
 * answer as it streams it (its `compression` middleware): for the directory's
 * 20 kB JSON that was 0.5–1 ms of CPU, a quarter of a cached API request
 * (docs/PERFORMANCE.md). A cached answer is now gzipped once and the same
 * bytes are sent to every client that accepts gzip.
 *
 * Why a header rule in next.config.ts: Next.js 16 drops `Content-Encoding`
 * (with Content-Length and Transfer-Encoding) from a route handler's Response
 * (FORBIDDEN_HEADERS in next/dist/server/send-response.js), so a route cannot
 * label its own bytes. A `headers()` rule can: it sets `Content-Encoding:
 * gzip` on the answer before the route runs, and Next's compression then
 * leaves that answer alone ("already encoded") and still adds `Vary:
 * Accept-Encoding`. The rule applies when the request's Accept-Encoding
 * matches ACCEPTS_GZIP_PATTERN; the route decides with acceptsGzip(), the
 * same pattern, so the label and the bytes always agree. A request the pattern
 * does not recognise (no Accept-Encoding, gzip;q=0, only "*" or "br", an
 * upper-case "GZIP") gets plain JSON from the route, which Next compresses or
 * not exactly as before.
 *
 * No import here: next.config.ts loads this file.
 */
import { gzipSync } from "node:zlib";

/**
 * Accept-Encoding values that accept gzip: a list element `gzip` with no
 * weight or a weight above zero (RFC 9110 12.5.3). Next.js matches `has`
 * values against the whole header as `^(…)$`; any other value counts as "no".
 */
export const ACCEPTS_GZIP_PATTERN = String.raw`(?:.*,)?[ \t]*gzip[ \t]*(?:;[ \t]*q=(?:1(?:\.0{0,3})?|0\.(?=[0-9]{0,2}[1-9])[0-9]{1,3}))?[ \t]*(?:,.*)?`;
const ACCEPTS_GZIP = new RegExp(`^(?:${ACCEPTS_GZIP_PATTERN})$`);

/** Whether the answer to a request with this Accept-Encoding is the gzip bytes (the header rule then labels it). */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  return typeof acceptEncoding === "string" && ACCEPTS_GZIP.test(acceptEncoding);
}

/** The routes whose every answer is gzip when acceptsGzip(): the route handlers must send gzip bytes then. */
export const PRECOMPRESSED_API_PATHS = ["/api/v1/clusters"] as const;

/**
 * The next.config.ts `headers()` rules that label those answers. The paths are
 * matched case-sensitively (experimental.caseSensitiveRoutes in
 * next.config.ts): otherwise /API/v1/clusters, a 404 page that Next does not
 * compress, would be labelled gzip too.
 */
export const PRECOMPRESSED_API_HEADER_RULES = PRECOMPRESSED_API_PATHS.map((source) => ({
  source,
  has: [{ type: "header" as const, key: "accept-encoding", value: ACCEPTS_GZIP_PATTERN }],
  // A CORS preflight has no body to label.
  missing: [{ type: "header" as const, key: "access-control-request-method" }],
  headers: [{ key: "Content-Encoding", value: "gzip" }],
}));

/**
 * A JSON body kept as UTF-8 bytes, with its gzip made on first use and kept:
 * an answer cache stores these, so a repeated answer costs no encoding and no
 * compression.
 */
export class EncodedJson {
  readonly identity: Uint8Array<ArrayBuffer>;
  private gzipped: Uint8Array<ArrayBuffer> | undefined;

  constructor(text: string) {
    this.identity = new TextEncoder().encode(text);
  }

  get gzip(): Uint8Array<ArrayBuffer> {
    this.gzipped ??= toArrayBufferBytes(gzipSync(this.identity));
    return this.gzipped;
  }

  get text(): string {
    return new TextDecoder().decode(this.identity);
  }
}

function toArrayBufferBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The answer of a precompressed route: gzip bytes labelled `Content-Encoding:
 * gzip` when the request accepts them, else the plain bytes. (Next.js drops
 * the label and the header rule sets it again; a caller that runs the handler
 * directly, like the tests, reads the same label.)
 */
export function encodedJsonResponse(request: Request, body: EncodedJson, init: { status?: number; headers: Record<string, string> }): Response {
  const isGzip = acceptsGzip(request.headers.get("accept-encoding"));
  const headers = new Headers(init.headers);
  headers.append("Vary", "Accept-Encoding");
  if (isGzip) headers.set("Content-Encoding", "gzip");
  return new Response(isGzip ? body.gzip : body.identity, { status: init.status ?? 200, headers });
}

/**
 * Gzips an answer that is not yet encoded (the small error answers of a
 * precompressed route: 429, 500, 503) when the request accepts gzip, so that
 * it matches the header rule's label; anything else is returned as it is.
 */
export async function gzipIfAccepted(request: Request, response: Response): Promise<Response> {
  if (!acceptsGzip(request.headers.get("accept-encoding")) || response.headers.has("content-encoding") || response.body === null) return response;
  const bytes = toArrayBufferBytes(gzipSync(new Uint8Array(await response.arrayBuffer())));
  const headers = new Headers(response.headers);
  headers.set("Content-Encoding", "gzip");
  headers.append("Vary", "Accept-Encoding");
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}

import { getEnv } from "@/lib/env";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

/**
 * CORS for the read-only public API: any origin may GET (the data is public
 * and no cookie or credential is read), nothing else.
 */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept",
  "Access-Control-Expose-Headers": "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition",
  "Access-Control-Max-Age": "86400",
} as const;

/**
 * The headers every answer of /api/v1 carries besides the fixed ones of
 * next.config.ts: CORS, and HSTS when the site is served over HTTPS. proxy.ts
 * does not run for /api/v1 (its cost was a quarter of an API request's CPU,
 * docs/PERFORMANCE.md), so the API sets HSTS itself (docs/SECURITY.md).
 */
export function apiResponseHeaders(options: { isHttps: boolean }): ReadonlyArray<readonly [name: string, value: string]> {
  return [...Object.entries(CORS_HEADERS), ...(options.isHttps ? [["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY] as const] : [])];
}

let headersOfThisServer: ReadonlyArray<readonly [string, string]> | undefined;
function fixedApiHeaders() {
  headersOfThisServer ??= apiResponseHeaders({ isHttps: getEnv().isHttps });
  return headersOfThisServer;
}

/** The answer to a CORS preflight (OPTIONS). */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: fixedApiHeaders() as [string, string][] });
}

/** Adds CORS (and HSTS over HTTPS) to an answer of the public API. */
export function withApiHeaders(response: Response): Response {
  for (const [name, value] of fixedApiHeaders()) response.headers.set(name, value);
  return response;
}

import "server-only";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import { withApiHeaders } from "./cors";
import { gzipIfAccepted } from "./encoding";
import { apiError } from "./errors";
import { consumeApiRateLimit } from "./rate-limit";
import { API_RATE_LIMIT } from "./rate-limit-config";

const directoryVersions = new WeakMap<Request, string | null>();

/**
 * The directory's version as read by this request's rate-limit statement (the
 * same round trip, lib/api/rate-limit.ts), or undefined when it was not read:
 * the directory routes pass it to their answer cache.
 */
export function directoryVersionOf(request: Request): string | null | undefined {
  return directoryVersions.has(request) ? directoryVersions.get(request)! : undefined;
}

/**
 * The steps every public API GET goes through: the per-address rate limit
 * (429 with Retry-After), the handler, CORS (and, over HTTPS, HSTS) headers
 * on every answer, and the one error format for anything unexpected (logged,
 * never shown). `precompressed`: the route is one of PRECOMPRESSED_API_PATHS
 * (lib/api/encoding.ts), whose every answer must be gzip when the request
 * accepts it; the handler sends its own gzip bytes, the error answers are
 * gzipped here.
 */
export function apiGet<Args extends [request: Request, ...rest: never[]] | [request: Request, context: unknown]>(
  handler: (...args: Args) => Promise<Response>,
  options: { cost?: number; precompressed?: boolean } = {},
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const response = await respond(...args);
    return options.precompressed ? gzipIfAccepted(args[0], response) : response;
  };

  async function respond(...args: Args): Promise<Response> {
    const request = args[0];
    try {
      const ip = clientIpFromHeaders(request.headers);
      const limit = await consumeApiRateLimit(ip, options.cost ?? 1);
      if (!limit.isAllowed) {
        return withApiHeaders(
          apiError("rate_limited", `Too many requests: at most ${API_RATE_LIMIT.points} a minute. Try again in ${limit.retryAfterSeconds} s.`, {
            "Retry-After": String(limit.retryAfterSeconds),
            "RateLimit-Limit": String(API_RATE_LIMIT.points),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": String(limit.retryAfterSeconds),
          }),
        );
      }
      if (limit.directoryVersion !== undefined) directoryVersions.set(request, limit.directoryVersion);
      const response = await handler(...args);
      response.headers.set("RateLimit-Limit", String(API_RATE_LIMIT.points));
      response.headers.set("RateLimit-Remaining", String(limit.remaining));
      response.headers.set("RateLimit-Reset", String(limit.resetSeconds));
      return withApiHeaders(response);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // PostgreSQL is down or restarting: the pool reconnects by itself, the client should retry.
        logger.warn("api request failed: database unavailable", { url: request.url });
        return withApiHeaders(apiError("unavailable", "The service is briefly unavailable. Try again in a few seconds.", { "Retry-After": "5" }));
      }
      logger.error("api request failed", { error, url: request.url });
      return withApiHeaders(apiError("internal_error", "Something went wrong on our side. Try again later."));
    }
  }
}

import "server-only";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import { withCors } from "./cors";
import { apiError } from "./errors";
import { consumeApiRateLimit } from "./rate-limit";
import { API_RATE_LIMIT } from "./rate-limit-config";

/**
 * The steps every public API GET goes through: the per-address rate limit
 * (429 with Retry-After), the handler, CORS headers on every answer, and the
 * one error format for anything unexpected (logged, never shown).
 */
export function apiGet<Args extends [request: Request, ...rest: never[]] | [request: Request, context: unknown]>(
  handler: (...args: Args) => Promise<Response>,
  options: { cost?: number } = {},
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const request = args[0];
    try {
      const ip = clientIpFromHeaders(request.headers);
      const limit = await consumeApiRateLimit(ip, options.cost ?? 1);
      if (!limit.isAllowed) {
        return withCors(
          apiError("rate_limited", `Too many requests: at most ${API_RATE_LIMIT.points} a minute. Try again in ${limit.retryAfterSeconds} s.`, {
            "Retry-After": String(limit.retryAfterSeconds),
            "RateLimit-Limit": String(API_RATE_LIMIT.points),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": String(limit.retryAfterSeconds),
          }),
        );
      }
      const response = await handler(...args);
      response.headers.set("RateLimit-Limit", String(API_RATE_LIMIT.points));
      response.headers.set("RateLimit-Remaining", String(limit.remaining));
      response.headers.set("RateLimit-Reset", String(limit.resetSeconds));
      return withCors(response);
    } catch (error) {
      logger.error("api request failed", { error, url: request.url });
      return withCors(apiError("internal_error", "Something went wrong on our side. Try again later."));
    }
  };
}

/**
 * The API's one error format: `{ "error": { "code", "message" } }`, with the
 * HTTP status saying the kind. Messages are plain English for developers; a
 * server error never carries a stack trace or database text.
 */
import { z } from "zod";

export const API_ERROR_CODES = ["bad_request", "forbidden", "not_found", "rate_limited", "internal_error", "unavailable"] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  internal_error: 500,
  /** The database is down or restarting: try again in a few seconds (lib/db/errors.ts). */
  unavailable: 503,
};

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
    }),
  })
  .meta({ description: "Every error of the API has this shape; the HTTP status tells the kind." });

export type TApiError = z.output<typeof ZApiError>;

export function apiError(code: ApiErrorCode, message: string, headers: HeadersInit = {}): Response {
  const body: TApiError = { error: { code, message } };
  return Response.json(body, { status: STATUS[code], headers: { "Cache-Control": "no-store", ...Object.fromEntries(new Headers(headers)) } });
}

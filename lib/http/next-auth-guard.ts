/**
 * next-auth answers 500 ("There is a problem with the server
 * configuration") to any /api/auth/* request whose `callbackUrl` query
 * parameter or callback-url cookie is not an http(s) URL or a path, and
 * throws (500) on a POST that says it is JSON but is not, or whose body's
 * callbackUrl is not such a string; a GET of the credentials callback is a
 * 500 "not supported" there too. Both are the
 * client's mistakes, so they get a 400 in the API's error format before
 * next-auth sees them: a hostile request must never look like our fault, nor
 * fill the error log.
 */
import { apiError } from "@/lib/api/errors";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth's own rule (core/lib/assert.js): a path, or an absolute http(s) URL. */
export function isAcceptableCallbackUrl(value: string): boolean {
  if (value.startsWith("/")) return true;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      const raw = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return undefined;
}

/** A 4xx for a request next-auth would fail with a 500, or null. */
export async function refuseMalformedAuthRequest(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  // The credentials callback only exists for POST; next-auth answers a GET with 500 "not supported".
  if (request.method !== "POST" && /\/callback\/credentials\/?$/.test(url.pathname)) {
    const refused = apiError("bad_request", "Sign in with POST.");
    return new Response(refused.body, { status: 405, headers: { ...Object.fromEntries(refused.headers), Allow: "POST" } });
  }
  // next-auth takes the last of repeated parameters (Object.fromEntries): every one must pass.
  if (url.searchParams.getAll("callbackUrl").some((value) => value && !isAcceptableCallbackUrl(value))) {
    return apiError("bad_request", "callbackUrl must be a path or an http(s) URL.");
  }
  const cookies = request.headers.get("cookie");
  for (const name of CALLBACK_COOKIES) {
    const value = cookieValue(cookies, name);
    if (value && !isAcceptableCallbackUrl(value)) return apiError("bad_request", "The callback-url cookie must be a path or an http(s) URL.");
  }
  if (request.method !== "POST") return null;
  // next-auth reads a JSON or form body (next-auth/next/utils.js getBody) and passes its callbackUrl to new URL().
  const contentType = request.headers.get("content-type") ?? "";
  let body: unknown;
  if (contentType.includes("application/json")) {
    try {
      body = await request.clone().json();
    } catch {
      return apiError("bad_request", "The body is not valid JSON.");
    }
  } else if (contentType.includes("application/x-www-form-urlencoded")) {
    body = Object.fromEntries(new URLSearchParams(await request.clone().text()));
  }
  const callbackUrl = typeof body === "object" && body !== null ? (body as Record<string, unknown>).callbackUrl : undefined;
  if (callbackUrl !== undefined && callbackUrl !== null && callbackUrl !== "" && (typeof callbackUrl !== "string" || !isAcceptableCallbackUrl(callbackUrl))) {
    return apiError("bad_request", "callbackUrl must be a path or an http(s) URL.");
  }
  return null;
}

/** Wraps next-auth's route handler with `refuseMalformedAuthRequest`. */
export function guardNextAuth<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> =>
    (await refuseMalformedAuthRequest(request)) ?? handler(request, context);
}

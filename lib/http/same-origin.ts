/**
 * Cross-site request forgery (CSRF) defence for route handlers that change
 * state. A browser may send the signed-in user's cookies with a request that
 * another page makes (a form posted to us from evil.example). SameSite=Lax
 * stops most of that, but not a page on a sibling subdomain (same site, other
 * origin) nor a browser that ignores SameSite. Every current browser names
 * the page's origin in `Origin` on POST, PUT, PATCH and DELETE, so a handler
 * refuses a request whose Origin is another origin.
 *
 * Server actions need no such line: Next.js compares their Origin with the
 * Host itself and refuses a mismatch. next-auth's POST routes have their own
 * CSRF token. Requests without Origin or Sec-Fetch-Site do not come from a
 * browser (curl, a mail client's one-click unsubscribe) and carry no victim's
 * cookies, so they are let through.
 *
 * Use, as the first line of a non-GET handler:
 *   const refused = refuseCrossOrigin(request); if (refused) return refused;
 */
import { apiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Whether a request may change state on behalf of the browser's user: it is
 * a safe method, or its Origin is this site (APP_URL or the Host it was sent
 * to, as Next.js does for server actions), or it does not come from a browser.
 */
export function isSameOriginRequest(request: Request, options: { appUrl?: string } = {}): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    // "null": a sandboxed frame, a data: URL or a cross-origin redirect; never our own page.
    const originHost = hostOf(origin);
    if (!originHost) return false;
    const appHost = hostOf(options.appUrl ?? getEnv().appUrl);
    // A browser sets Host itself and a page cannot; behind a proxy Next passes the public one on as X-Forwarded-Host.
    const requestHost = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? hostOf(request.url))
      ?.split(",")[0]
      ?.trim()
      .toLowerCase();
    return originHost === appHost || originHost === requestHost;
  }
  // Browsers that leave Origin out still say where the request came from.
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

/** A 403 in the API's error format for a cross-site request, or null when the request may go on. */
export function refuseCrossOrigin(request: Request, options: { appUrl?: string } = {}): Response | null {
  if (isSameOriginRequest(request, options)) return null;
  return apiError("forbidden", "Cross-site request refused: the Origin header is not this site.");
}

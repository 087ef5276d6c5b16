/**
 * Runs before every page and API request (not before Next's static files).
 * Pages get a Content-Security-Policy with a nonce made for this response:
 * Next.js reads the policy from the request headers and puts the nonce on
 * its own scripts, so only the scripts we render run, and an injected
 * <script> or onerror= does not (XSS). Over HTTPS every answer also carries
 * HSTS, so a browser that has seen the site once never talks plain HTTP to
 * it again (SSL stripping). The fixed headers (nosniff, frame and referrer
 * policies) come from next.config.ts and reach static files as well.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { buildContentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const env = getEnv();
  // A POST to a page is a server action (by fetch, or a form before
  // hydration). From another site (CSRF) Next refuses to run it but answers
  // with a 500; answer a plain 403 before it gets that far.
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    const refused = refuseCrossOrigin(request);
    if (refused) return refused;
  }
  if (request.nextUrl.pathname.startsWith("/api/")) {
    // JSON, CSV and files set their own content policies (api/files: default-src 'none').
    // The public API /api/v1/ does not come here (see the matcher) and sets HSTS itself.
    const response = NextResponse.next();
    if (env.isHttps) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  }

  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, isDevelopment: env.nodeEnv === "development", isHttps: env.isHttps });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  // For our own inline elements (the JSON-LD on /clusters/[slug]): headers().get("x-nonce").
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (env.isHttps) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but Next's build output (favicon and other metadata files have no scripts either)
  // and the public API /api/v1/, which sets its own CORS and HSTS (lib/api/cors.ts): running the
  // proxy cost a quarter of an API request's CPU (docs/PERFORMANCE.md).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};

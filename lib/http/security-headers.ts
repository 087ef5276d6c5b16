/**
 * HTTP security headers, in one place. The fixed ones go on every response
 * (pages, API, static files) through next.config.ts `headers()`; the
 * Content-Security-Policy (a fresh nonce per page) and HSTS (only when served
 * over HTTPS, known at run time) are set by proxy.ts. No environment is read
 * here: the callers pass what they know.
 */

/** Same on every response; next.config.ts applies them at build time. */
export const BASE_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // Stops a browser from guessing a type other than the one sent (an uploaded file run as script or HTML).
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Clickjacking: no other site may frame our pages (older browsers; CSP frame-ancestors for the rest).
  { key: "X-Frame-Options", value: "DENY" },
  // Links to other sites learn our origin, never the path (tokens in /invite/… or /reset-password?…).
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Powerful browser features the app never uses stay off, for us and for anything injected.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  // A page we open in a new window (a cluster's website) cannot reach back into ours through window.opener.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Two years: long enough for browsers' preload rules, sent only over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** An unguessable value for one response (128 bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The policy of an HTML page. Scripts run only with this response's nonce,
 * and what those scripts load ('strict-dynamic'): an injected <script> or
 * event handler has no nonce and does not run, and there is no 'unsafe-inline'
 * to fall back to. Styles allow inline because React writes style attributes
 * into server-rendered HTML (bar widths, the map); CSS cannot run script.
 */
export function buildContentSecurityPolicy(options: { nonce: string; isDevelopment: boolean; isHttps: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only for `next dev`: React rebuilds server error stacks with eval there.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

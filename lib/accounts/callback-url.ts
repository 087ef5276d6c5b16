/**
 * Where to go after signing in. Only a path on this site is accepted: a full
 * URL, a protocol-relative "//evil.example" or a "/\evil.example" (which
 * browsers read as "//") would turn the sign-in page into an open redirect
 * that sends a freshly signed-in user to a look-alike site.
 */
export const DEFAULT_AFTER_SIGN_IN = "/orgs";

export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Tabs and newlines are stripped by URL parsers ("/\t/evil.example" becomes "//evil.example").
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://same.site");
    if (url.origin !== "http://same.site") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * The client's address for rate limits and the audit trail. Behind a proxy
 * the first X-Forwarded-For entry is the client; the value is only used as a
 * key and a label, never trusted for authorisation.
 */
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIpFromHeaders(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || header(headers, "x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}

/**
 * The anonymous page cache: the rendered HTML of the public directory
 * (`/clusters`) for visitors without a session, kept in this process while
 * the directory's data is unchanged. A signed-in visitor's page has their
 * header (name, organisations, unread count) and is always rendered.
 *
 * Why: a render of the directory page costs 20–40 ms of CPU (React renders
 * the filters, the table and the messages twice, for the RSC payload and
 * the HTML); a cached answer costs a string replacement. The page is the
 * one most visitors see first, with the same few questions again and again.
 *
 * What makes two anonymous requests get the same HTML (the cache key): the
 * path and query exactly as sent, and the language (cookie, then
 * Accept-Language, as i18n/request.ts picks it). Whether an entry is still
 * good: the directory's version (DirectoryVersion, bumped by the database in
 * the same transaction as any change the directory shows), read on every
 * request, so a change is seen by the very next visitor in every app
 * instance. What differs per response: the CSP nonce (proxy.ts makes one per
 * page). The cached HTML keeps the nonce it was rendered with, and each
 * answer gets it replaced by its own fresh one, so no two responses share a
 * nonce and the policy is as strict as for a rendered page.
 *
 * How an entry is made: proxy.ts cannot see a rendered response, so on a
 * miss it asks this server for the page itself over loopback, with
 * PAGE_CACHE_BYPASS_HEADER set (which makes the inner request skip the
 * cache), keeps the HTML and answers with it. Concurrent misses for the same
 * key wait for one render. Anything unexpected (the loopback request fails, a
 * redirect, a 404, a Set-Cookie) is not cached; a failed loopback request
 * falls back to rendering the page normally.
 */
import { resolveLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { VersionedCache } from "@/lib/directory/cache";
import { acceptsGzip, compileTemplate, fillTemplate, fillTemplateGzip, type TextTemplate } from "./gzip-template";

/** Set on the loopback request that renders a page for the cache: it must not be answered from the cache. */
export const PAGE_CACHE_BYPASS_HEADER = "x-covalent-page-render";
/** On every page answer the cache was asked about: "hit" or "miss" (for operators and tests). */
export const PAGE_CACHE_STATUS_HEADER = "x-covalent-page-cache";

/** Only these paths are cached; each must render the same HTML for every anonymous visitor with the same language and query. */
const CACHEABLE_PATHS = new Set(["/clusters"]);
/** Longer URLs are rare and may be crafted to fill memory: they are rendered. */
const MAX_URL_LENGTH = 2_000;
/** About 200 kB of HTML each: at most ~20 MB. */
const MAX_ENTRIES = 100;
const MAX_HTML_BYTES = 1_000_000;
/** How long a loopback render may take before the visitor gets a normal render instead. */
const RENDER_TIMEOUT_MS = 15_000;

/** Response headers of a render that are not copied to a cached answer: per response, per connection or set again. */
const NOT_REPLAYED = new Set([
  "content-security-policy",
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "set-cookie",
  PAGE_CACHE_STATUS_HEADER,
]);

/** The request as far as the cache needs it (a NextRequest in proxy.ts; plain objects in tests). */
export type PageRequest = {
  method: string;
  url: string;
  headers: Headers;
};

/** The HTML cut at its nonce and compressed once (lib/http/gzip-template.ts), and the headers to send with it. */
type CachedPage = { template: TextTemplate; nonce: string; headers: [string, string][] };

/**
 * The cache key of a request, or null when its answer must be rendered:
 * not a GET of a cacheable path, a session cookie (a signed-in header), a
 * client-side navigation (RSC payload instead of HTML), a server action, or
 * an overlong URL.
 */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== "GET") return null;
  if (request.url.length > MAX_URL_LENGTH) return null;
  const url = new URL(request.url);
  if (!CACHEABLE_PATHS.has(url.pathname)) return null;
  const headers = request.headers;
  if (headers.has(PAGE_CACHE_BYPASS_HEADER)) return null;
  // Next.js asks for the RSC payload of a page with these (client navigation and prefetch).
  if (headers.has("rsc") || headers.has("next-router-state-tree") || headers.has("next-router-prefetch") || headers.has("next-action")) {
    return null;
  }
  if (url.searchParams.has("_rsc")) return null;
  const cookies = parseCookies(headers.get("cookie"));
  // next-auth's session cookie, with or without the __Secure- prefix, possibly split into chunks (.0, .1…).
  if ([...cookies.keys()].some((name) => name.includes("next-auth.session-token"))) return null;
  const locale = resolveLocale({ cookieLocale: cookies.get(LOCALE_COOKIE), acceptLanguage: headers.get("accept-language") });
  return `${locale} ${url.pathname}${url.search}`;
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

/** The nonce of a Content-Security-Policy, or null. */
export function nonceOfPolicy(policy: string | null): string | null {
  return policy?.match(/'nonce-([^']+)'/)?.[1] ?? null;
}

export type PageCacheDeps<R extends PageRequest> = {
  /** The directory's current version (null: unknown, nothing is cached). */
  readVersion: () => Promise<string | null>;
  /** Renders the page over loopback (PAGE_CACHE_BYPASS_HEADER set); resolves with the whole response. */
  render: (request: R) => Promise<Response>;
  onError: (message: string, error: unknown) => void;
};

type Rendered = { status: number; headers: Headers; body: Uint8Array; cacheable: CachedPage | null };

/** What to send: the status, the headers and the body bytes (gzipped when `content-encoding` says so). */
export type PageAnswer = { status: number; headers: Headers; body: Uint8Array };

export class PageCache<R extends PageRequest = PageRequest> {
  private readonly pages = new VersionedCache<CachedPage>(MAX_ENTRIES);
  private readonly inFlight = new Map<string, Promise<Rendered>>();

  constructor(private readonly deps: PageCacheDeps<R>) {}

  /**
   * The answer for a page request, with `policy` (the Content-Security-Policy
   * built around `nonce`) as its policy; or null when the request is not
   * cacheable or the cache cannot help (then the page is rendered as usual).
   */
  async respond(request: R, nonce: string, policy: string): Promise<PageAnswer | null> {
    const key = pageCacheKey(request);
    if (key === null) return null;
    let version: string | null;
    try {
      version = await this.deps.readVersion();
    } catch (error) {
      // The database is away: the normal render decides what the visitor sees (the error page).
      this.deps.onError("page cache: could not read the directory version", error);
      return null;
    }
    if (version === null) return null;

    const cached = this.pages.get(key, version);
    if (cached) return answer(cached, request, nonce, policy, "hit");

    const isOwnRender = !this.inFlight.has(key);
    let rendered: Rendered;
    try {
      rendered = await this.renderOnce(key, version, request);
    } catch (error) {
      this.deps.onError("page cache: the loopback render failed; rendering normally", error);
      return null;
    }
    if (rendered.cacheable) return answer(rendered.cacheable, request, nonce, policy, "miss");
    // Not cacheable (a redirect, a 404, an error page, a cookie): the render answers the request it
    // was made for, as it is; a request that waited for another one's render is rendered normally.
    if (!isOwnRender) return null;
    return { status: rendered.status, headers: rendered.headers, body: rendered.body };
  }

  /** One loopback render per key at a time; requests that miss meanwhile wait for it. */
  private renderOnce(key: string, version: string, request: R): Promise<Rendered> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.render(request)
      .then((rendered) => {
        if (rendered.cacheable) this.pages.set(key, version, rendered.cacheable);
        return rendered;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async render(request: R): Promise<Rendered> {
    const response = await this.deps.render(request);
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = new Headers(response.headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    const nonce = nonceOfPolicy(response.headers.get("content-security-policy"));
    const isHtml = response.headers.get("content-type")?.startsWith("text/html") ?? false;
    const cacheable =
      response.status === 200 && isHtml && nonce !== null && !response.headers.has("set-cookie") && body.length <= MAX_HTML_BYTES
        ? {
            // Every occurrence of the nonce (script tags and the RSC payload) becomes a hole for the next one.
            template: compileTemplate(new TextDecoder().decode(body), nonce),
            nonce,
            headers: [...response.headers.entries()].filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase())),
          }
        : null;
    return { status: response.status, headers, body, cacheable };
  }

  clear(): void {
    this.pages.clear();
  }
}

/** A cached page with this response's nonce, gzipped when the client accepts it. */
function answer(page: CachedPage, request: PageRequest, nonce: string, policy: string, status: "hit" | "miss"): PageAnswer {
  // Headers may name the nonce too (Link: <…css>; rel=preload; nonce="…").
  const headers = new Headers(page.headers.map(([name, value]) => [name, value.replaceAll(page.nonce, nonce)]));
  headers.set("content-security-policy", policy);
  headers.set(PAGE_CACHE_STATUS_HEADER, status);
  if (!/accept-encoding/i.test(headers.get("vary") ?? "")) headers.append("vary", "Accept-Encoding");
  if (acceptsGzip(request.headers.get("accept-encoding"))) {
    headers.set("content-encoding", "gzip");
    return { status: 200, headers, body: fillTemplateGzip(page.template, nonce) };
  }
  return { status: 200, headers, body: fillTemplate(page.template, nonce) };
}

/** The loopback request that renders `request` for the cache: same path, query, language and cookies; plain bytes. */
export function loopbackRenderRequest(request: PageRequest, origin: string): Request {
  const url = new URL(request.url);
  const headers = new Headers({ [PAGE_CACHE_BYPASS_HEADER]: "1", accept: "text/html", "accept-encoding": "identity" });
  for (const name of ["cookie", "accept-language", "user-agent"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Request(`${origin}${url.pathname}${url.search}`, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
}

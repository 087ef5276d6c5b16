import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { nonceOfPolicy, PageCache, pageCacheKey, PAGE_CACHE_BYPASS_HEADER, PAGE_CACHE_STATUS_HEADER, type PageRequest } from "./page-cache";

const URL_EN = "http://127.0.0.1:3000/clusters?q=hydrogen&country=DE";

function request(url = URL_EN, headers: Record<string, string> = {}, method = "GET"): PageRequest {
  return { method, url, headers: new Headers(headers) };
}

describe("pageCacheKey", () => {
  it("keys an anonymous directory page on the language and the exact query", () => {
    expect(pageCacheKey(request())).toBe("en /clusters?q=hydrogen&country=DE");
    expect(pageCacheKey(request(URL_EN, { "accept-language": "ru-RU,ru;q=0.9" }))).toBe("ru /clusters?q=hydrogen&country=DE");
    // The language switcher's cookie wins over the browser's header, as in i18n/request.ts.
    expect(pageCacheKey(request(URL_EN, { "accept-language": "ru", cookie: "a=1; NEXT_LOCALE=en" }))).toBe("en /clusters?q=hydrogen&country=DE");
  });

  it.each([
    ["a signed-in visitor", request(URL_EN, { cookie: "next-auth.session-token=abc" })],
    ["a signed-in visitor over https", request(URL_EN, { cookie: "x=1; __Secure-next-auth.session-token=abc" })],
    ["a signed-in visitor with a split session cookie", request(URL_EN, { cookie: "next-auth.session-token.0=abc" })],
    ["a client-side navigation", request(URL_EN, { rsc: "1" })],
    ["a prefetch", request(URL_EN, { "next-router-prefetch": "1" })],
    ["an RSC request by query", request(`${URL_EN}&_rsc=abc`)],
    ["a server action", request(URL_EN, { "next-action": "abc" }, "POST")],
    ["a HEAD request", request(URL_EN, {}, "HEAD")],
    ["another page", request("http://127.0.0.1:3000/clusters/medicon-valley")],
    ["the render for the cache itself", request(URL_EN, { [PAGE_CACHE_BYPASS_HEADER]: "1" })],
    ["an overlong URL", request(`${URL_EN}&q=${"x".repeat(3000)}`)],
  ])("renders %s", (_name, req) => {
    expect(pageCacheKey(req)).toBeNull();
  });
});

describe("nonceOfPolicy", () => {
  it("finds the nonce of a script-src", () => {
    expect(nonceOfPolicy("default-src 'self'; script-src 'self' 'nonce-ab+/c==' 'strict-dynamic'")).toBe("ab+/c==");
    expect(nonceOfPolicy("default-src 'self'")).toBeNull();
    expect(nonceOfPolicy(null)).toBeNull();
  });
});

/** A render like Next's: HTML with the nonce of its own policy. */
function renderedPage(nonce: string, init: { status?: number; headers?: Record<string, string>; text?: string } = {}): Response {
  return new Response(init.text ?? `<html><script nonce="${nonce}">x</script><p>hydrogen</p><script nonce="${nonce}"></script></html>`, {
    status: init.status ?? 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      link: `</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="${nonce}"`,
      ...init.headers,
    },
  });
}

function cacheWith(options: { version?: () => Promise<string | null>; render?: (n: number) => Response | Promise<Response> } = {}) {
  let renders = 0;
  const errors: string[] = [];
  const cache = new PageCache({
    readVersion: options.version ?? (async () => "1"),
    render: async () => {
      renders += 1;
      return options.render ? options.render(renders) : renderedPage(`rendered${renders}`);
    },
    onError: (message) => errors.push(message),
  });
  return { cache, renders: () => renders, errors };
}

const policy = (nonce: string) => `script-src 'nonce-${nonce}' 'strict-dynamic'`;

async function respond(cache: PageCache, nonce: string, headers: Record<string, string> = {}) {
  const answer = await cache.respond(request(URL_EN, headers), nonce, policy(nonce));
  return answer && { ...answer, text: () => Buffer.from(answer.body).toString("utf8") };
}

describe("PageCache", () => {
  it("renders once, then answers from the cache with each response's own nonce", async () => {
    const { cache, renders } = cacheWith();
    const first = (await respond(cache, "n1"))!;
    expect(first.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("miss");
    expect(first.text()).toBe(`<html><script nonce="n1">x</script><p>hydrogen</p><script nonce="n1"></script></html>`);
    const second = (await respond(cache, "n2"))!;
    expect(second.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("hit");
    expect(second.headers.get("content-security-policy")).toBe(policy("n2"));
    const html = second.text();
    expect(html).toContain(`nonce="n2"`);
    expect(html).not.toContain("rendered1");
    expect(second.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
    expect(second.headers.get("link")).toBe(`</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="n2"`);
    expect(renders()).toBe(1);
  });

  it("gzips for a client that accepts it", async () => {
    const { cache } = cacheWith();
    await respond(cache, "n1");
    const response = (await respond(cache, "n2", { "accept-encoding": "gzip, br" }))!;
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
    const html = zlib.gunzipSync(response.body).toString();
    expect(html).toContain(`nonce="n2"`);
  });

  it("renders again when the directory changed", async () => {
    let version = "1";
    const { cache, renders } = cacheWith({ version: async () => version });
    await respond(cache, "n1");
    await respond(cache, "n2");
    version = "2";
    const after = (await respond(cache, "n3"))!;
    expect(after.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("miss");
    expect(renders()).toBe(2);
  });

  it("lets simultaneous misses wait for one render, each with its own nonce", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { cache, renders } = cacheWith({ render: async (n) => (await gate, renderedPage(`rendered${n}`)) });
    const answers = Promise.all(["a", "b", "c"].map((nonce) => respond(cache, nonce)));
    release();
    const texts = (await answers).map((r) => r!.text());
    expect(renders()).toBe(1);
    expect(texts.map((t) => t.includes(`nonce="a"`) || t.includes(`nonce="b"`) || t.includes(`nonce="c"`))).toEqual([true, true, true]);
    expect(new Set(texts).size).toBe(3);
  });

  it.each<[string, { status?: number; headers?: Record<string, string> }]>([
    ["a 404", { status: 404 }],
    ["a redirect", { status: 307, headers: { location: "/signin" } }],
    ["an answer that sets a cookie", { headers: { "set-cookie": "a=1" } }],
  ])("passes %s through and does not keep it", async (_name, init) => {
    const { cache, renders } = cacheWith({ render: (n) => renderedPage(`rendered${n}`, init) });
    const first = (await respond(cache, "n1"))!;
    expect(first.status).toBe(init.status ?? 200);
    expect(first.headers.get(PAGE_CACHE_STATUS_HEADER)).toBeNull();
    await respond(cache, "n2");
    expect(renders()).toBe(2);
  });

  it("gives an uncacheable render only to the request it was made for; the ones that waited are rendered normally", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { cache, renders } = cacheWith({
      render: async (n) => (await gate, renderedPage(`rendered${n}`, { headers: { "set-cookie": "visitor=first" } })),
    });
    const answers = Promise.all(["a", "b"].map((nonce) => respond(cache, nonce)));
    release();
    const [first, second] = await answers;
    expect(renders()).toBe(1);
    expect(first?.headers.get("set-cookie")).toBe("visitor=first");
    expect(second).toBeNull();
  });

  it("falls back to a normal render when the loopback render or the version read fails", async () => {
    const failing = cacheWith({ render: () => Promise.reject(new Error("connection refused")) });
    expect(await respond(failing.cache, "n1")).toBeNull();
    expect(failing.errors).toHaveLength(1);
    const noDatabase = cacheWith({ version: () => Promise.reject(new Error("ECONNREFUSED")) });
    expect(await respond(noDatabase.cache, "n1")).toBeNull();
    expect(noDatabase.renders()).toBe(0);
  });

  it("does not answer requests it may not cache", async () => {
    const { cache, renders } = cacheWith();
    expect(await cache.respond(request(URL_EN, { cookie: "next-auth.session-token=abc" }), "n", policy("n"))).toBeNull();
    expect(renders()).toBe(0);
  });
});

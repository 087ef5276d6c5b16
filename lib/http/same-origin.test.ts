import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSameOriginRequest, refuseCrossOrigin } from "./same-origin";

const appUrl = "https://covalent.example.com";

function post(headers: Record<string, string>, method = "POST") {
  return new Request("http://10.0.0.5:3000/api/something", { method, headers });
}

describe("isSameOriginRequest", () => {
  it("lets safe methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(isSameOriginRequest(post({ origin: "https://evil.example" }, method), { appUrl })).toBe(true);
    }
  });

  it("accepts the app's own origin, and the Host the browser sent the request to", () => {
    expect(isSameOriginRequest(post({ origin: appUrl }), { appUrl })).toBe(true);
    expect(isSameOriginRequest(post({ origin: "http://127.0.0.1:3150", host: "127.0.0.1:3150" }), { appUrl })).toBe(true);
    expect(
      isSameOriginRequest(post({ origin: "https://covalent.example.com", "x-forwarded-host": "covalent.example.com" }), {
        appUrl: "http://localhost:3000",
      }),
    ).toBe(true);
  });

  it.each([
    ["another site", { origin: "https://evil.example", host: "covalent.example.com" }],
    ["a sibling subdomain (same site, other origin)", { origin: "https://blog.covalent.example.com", host: "covalent.example.com" }],
    ["the same host on another port", { origin: "https://covalent.example.com:8443", host: "covalent.example.com" }],
    ["a sandboxed frame or data: URL", { origin: "null", host: "covalent.example.com" }],
    ["garbage", { origin: "javascript:alert(1)", host: "covalent.example.com" }],
    ["no Origin but a cross-site fetch", { "sec-fetch-site": "cross-site", host: "covalent.example.com" }],
    ["no Origin but a same-site fetch", { "sec-fetch-site": "same-site", host: "covalent.example.com" }],
  ])("refuses %s", (_name, headers) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isSameOriginRequest(post(headers, method), { appUrl })).toBe(false);
    }
  });

  it("lets a request through that no browser sent (no Origin, no Sec-Fetch-Site: no victim's cookies)", () => {
    expect(isSameOriginRequest(post({}), { appUrl })).toBe(true);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-origin" }), { appUrl })).toBe(true);
  });
});

describe("refuseCrossOrigin", () => {
  it("answers 403 in the API's error format, or null", async () => {
    expect(refuseCrossOrigin(post({ origin: appUrl }), { appUrl })).toBeNull();
    const refused = refuseCrossOrigin(post({ origin: "https://evil.example" }), { appUrl });
    expect(refused?.status).toBe(403);
    expect(refused?.headers.get("cache-control")).toBe("no-store");
    expect(await refused?.json()).toEqual({ error: { code: "forbidden", message: expect.stringContaining("Origin") } });
  });
});

/** Route handlers next-auth owns: its POSTs carry their own CSRF token. */
const OWN_CSRF_PROTECTION = new Set(["app/api/auth/[...nextauth]/route.ts"]);

const STATE_CHANGING_EXPORT =
  /export\s+(async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b|export\s+const\s+(POST|PUT|PATCH|DELETE)\b|export\s*\{[^}]*\b(POST|PUT|PATCH|DELETE)\b/;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("every state-changing route handler", () => {
  const files = routeFiles("app").map((file) => path.relative(process.cwd(), file));

  it("finds the route handlers and their state-changing exports", () => {
    expect(files).toContain("app/api/health/route.ts");
    expect(STATE_CHANGING_EXPORT.test("export async function POST(request: Request) {")).toBe(true);
    expect(STATE_CHANGING_EXPORT.test("export const DELETE = apiRoute(async () => {")).toBe(true);
    expect(STATE_CHANGING_EXPORT.test("export { handler as GET, handler as POST };")).toBe(true);
    expect(STATE_CHANGING_EXPORT.test("export async function GET() {}\nexport function OPTIONS() {}")).toBe(false);
  });

  it("starts by refusing cross-site requests (refuseCrossOrigin)", () => {
    const unprotected = files.filter((file) => {
      if (OWN_CSRF_PROTECTION.has(file)) return false;
      const source = fs.readFileSync(file, "utf8");
      return STATE_CHANGING_EXPORT.test(source) && !/refuseCrossOrigin\(/.test(source);
    });
    expect(unprotected, "add `const refused = refuseCrossOrigin(request); if (refused) return refused;` (lib/http/same-origin.ts)").toEqual([]);
  });
});

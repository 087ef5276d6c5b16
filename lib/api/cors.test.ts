import { describe, expect, it } from "vitest";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { apiResponseHeaders, CORS_HEADERS, preflight, withApiHeaders } from "./cors";

describe("apiResponseHeaders", () => {
  it("are CORS, plus HSTS over HTTPS (proxy.ts does not run for /api/v1)", () => {
    const https = new Map(apiResponseHeaders({ isHttps: true }));
    expect(https.get("Strict-Transport-Security")).toBe(STRICT_TRANSPORT_SECURITY);
    for (const [name, value] of Object.entries(CORS_HEADERS)) expect(https.get(name)).toBe(value);
  });

  it("leave HSTS out over plain HTTP, where it would pin a policy the browser cannot keep", () => {
    const http = new Map(apiResponseHeaders({ isHttps: false }));
    expect(http.has("Strict-Transport-Security")).toBe(false);
    expect(http.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("withApiHeaders and preflight", () => {
  // The test environment's APP_URL is http://…: CORS only.
  it("put the headers of this server on an answer and on a preflight", () => {
    const answer = withApiHeaders(new Response("{}", { headers: { "Cache-Control": "no-store" } }));
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("strict-transport-security")).toBeNull();
    const options = preflight();
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });
});

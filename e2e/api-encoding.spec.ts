import http from "node:http";
import { gunzipSync, inflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";

/**
 * The directory API's precompressed answers as the built server sends them
 * (lib/api/encoding.ts): the route sends gzip bytes and a next.config.ts
 * header rule labels them, because Next.js drops a route's own
 * Content-Encoding. Only the running server shows whether label and bytes
 * agree, so the bytes are read raw here (node:http, no decoding).
 */

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function raw(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseURL}${path}`, { method: options.method ?? "GET", headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/** The body as the client would decode it from its label. */
function decoded(response: Raw): string {
  const encoding = response.headers["content-encoding"];
  if (encoding === "gzip") return gunzipSync(response.body).toString("utf8");
  if (encoding === "deflate") return inflateSync(response.body).toString("utf8");
  expect(encoding, "an encoding this test does not decode").toBeUndefined();
  return response.body.toString("utf8");
}

test.describe("API answers precompressed", () => {
  test("gzip to a browser, plain JSON without Accept-Encoding: the same JSON, with Vary on both", async () => {
    const path = "/api/v1/clusters?country=DK&sort=name";
    const browser = await raw(path, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    const plain = await raw(path);
    expect(browser.status).toBe(200);
    expect(plain.status).toBe(200);
    expect(browser.headers["content-encoding"]).toBe("gzip");
    expect([...browser.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gunzipSync(browser.body).toString("utf8")).toBe(plain.body.toString("utf8"));
    const page = JSON.parse(plain.body.toString("utf8")) as { total: number; data: { slug: string }[] };
    expect(page.total).toBeGreaterThan(0);
    for (const response of [browser, plain]) {
      expect(response.headers.vary).toMatch(/Accept-Language/);
      expect(response.headers.vary).toMatch(/Accept-Encoding/);
      expect(response.headers["access-control-allow-origin"]).toBe("*");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["content-type"]).toBe("application/json");
    }
  });

  test("a client that refuses gzip gets it unencoded or as Next encodes it, never a wrong label", async () => {
    const refused = await raw("/api/v1/clusters?country=DK", { headers: { "accept-encoding": "gzip;q=0, deflate" } });
    expect(refused.status).toBe(200);
    expect(refused.headers["content-encoding"]).not.toBe("gzip");
    expect(JSON.parse(decoded(refused)).total).toBeGreaterThan(0);
  });

  test("a CORS preflight and a wrongly cased path are not labelled gzip they do not have", async () => {
    const preflight = await raw("/api/v1/clusters", {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET", "accept-encoding": "gzip" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["content-encoding"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, OPTIONS");

    // Routes are case-sensitive: a 404 page, which Next compresses itself; the rule must not label it too.
    const wrongCase = await raw("/API/v1/clusters", { headers: { "accept-encoding": "gzip" } });
    expect(wrongCase.status).toBe(404);
    expect(decoded(wrongCase)).toMatch(/<html/i);
  });
});

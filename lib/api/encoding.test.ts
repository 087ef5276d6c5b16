import { gunzipSync } from "node:zlib";
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import {
  ACCEPTS_GZIP_PATTERN,
  acceptsGzip,
  EncodedJson,
  encodedJsonResponse,
  gzipIfAccepted,
  PRECOMPRESSED_API_HEADER_RULES,
  PRECOMPRESSED_API_PATHS,
} from "./encoding";

/** Accept-Encoding values and whether gzip is acceptable (RFC 9110 12.5.3). */
const CASES: [header: string | undefined, accepts: boolean][] = [
  ["gzip", true],
  ["gzip, deflate, br, zstd", true], // Chrome
  ["gzip, deflate, br", true], // Firefox, Safari, the benchmark
  ["deflate, gzip", true],
  ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
  ["gzip;q=1", true],
  ["gzip;q=1.000", true],
  ["gzip ; q=0.001", true],
  ["gzip;q=0.5,deflate", true],
  ["deflate,\tgzip\t", true],
  [undefined, false],
  ["", false],
  ["identity", false],
  ["br", false],
  ["*", false], // allowed, but Next's compression answers these as before
  ["gzip;q=0", false],
  ["gzip;q=0.0", false],
  ["gzip;q=0.000", false],
  ["deflate, gzip;q=0", false],
  ["gzip;q=0, deflate", false],
  ["x-gzip", false],
  ["gzipx", false],
  ["gzip;level=9", false],
  ["gzip;q=1.5", false],
  ["gzip;q=2", false],
  ["GZIP", false], // not recognised: plain JSON, which Next's compression still gzips
];

describe("acceptsGzip", () => {
  it.each(CASES)("%j → %s", (header, accepts) => {
    expect(acceptsGzip(header)).toBe(accepts);
  });

  it("agrees with Next.js's own `has` matching of the next.config.ts rule on every case", () => {
    const [rule] = PRECOMPRESSED_API_HEADER_RULES;
    for (const [header, accepts] of CASES) {
      const req = { headers: header === undefined ? {} : { "accept-encoding": header } };
      const matched = matchHas(req as never, {}, rule!.has, rule!.missing) !== false;
      expect(matched, JSON.stringify(header)).toBe(accepts);
    }
  });

  it("leaves a CORS preflight unlabelled (it has no body)", () => {
    const [rule] = PRECOMPRESSED_API_HEADER_RULES;
    const preflight = { headers: { "accept-encoding": "gzip", "access-control-request-method": "GET" } };
    expect(matchHas(preflight as never, {}, rule!.has, rule!.missing)).toBe(false);
  });

  it("is a pattern Next.js can anchor as it is (no top-level alternative)", () => {
    const anchored = new RegExp(`^${ACCEPTS_GZIP_PATTERN}$`);
    for (const [header, accepts] of CASES) if (header !== undefined) expect(anchored.test(header), header).toBe(accepts);
  });
});

describe("next.config.ts", () => {
  it("labels the precompressed routes, and matches paths case-sensitively", async () => {
    const rules = await nextConfig.headers!();
    for (const path of PRECOMPRESSED_API_PATHS) {
      const rule = rules.find((r) => r.source === path);
      expect(rule?.headers).toEqual([{ key: "Content-Encoding", value: "gzip" }]);
      expect(rule?.has).toEqual([{ type: "header", key: "accept-encoding", value: ACCEPTS_GZIP_PATTERN }]);
    }
    // Otherwise /API/V1/CLUSTERS (a 404 page Next compresses itself) would be labelled gzip as well.
    expect(nextConfig.experimental?.caseSensitiveRoutes).toBe(true);
  });
});

describe("EncodedJson", () => {
  const text = JSON.stringify({ name: "Øresund BioBridge", ru: "Кластер биомедицины", n: [1, 2, 3] });

  it("keeps the UTF-8 bytes, and a gzip that decodes to exactly them, made once", () => {
    const body = new EncodedJson(text);
    expect(new TextDecoder().decode(body.identity)).toBe(text);
    expect(body.text).toBe(text);
    expect(gunzipSync(body.gzip).equals(Buffer.from(text))).toBe(true);
    expect(body.gzip).toBe(body.gzip);
  });
});

function request(acceptEncoding?: string) {
  return new Request("http://x/api/v1/clusters", { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });
}

describe("encodedJsonResponse", () => {
  const body = new EncodedJson(JSON.stringify({ hello: "мир", list: Array.from({ length: 50 }, (_, i) => i) }));
  const init = { headers: { "Content-Type": "application/json", Vary: "Accept-Language" } };

  it("answers gzip, labelled, to a client that accepts it", async () => {
    const response = encodedJsonResponse(request("gzip, deflate, br"), body, init);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Accept-Language, Accept-Encoding");
    expect(response.headers.get("content-type")).toBe("application/json");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(gunzipSync(bytes).toString("utf8")).toBe(body.text);
  });

  it.each([undefined, "identity", "gzip;q=0", "br"])("answers plain JSON to %j", async (acceptEncoding) => {
    const response = encodedJsonResponse(request(acceptEncoding), body, init);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept-Language, Accept-Encoding");
    expect(await response.json()).toEqual(JSON.parse(body.text));
  });

  it("does not let a reader change the cached bytes", async () => {
    const response = encodedJsonResponse(request(), body, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytes.fill(0);
    expect(body.text).toMatch(/^\{"hello"/);
  });
});

describe("gzipIfAccepted", () => {
  const error = () =>
    Response.json({ error: { code: "rate_limited", message: "Too many requests" } }, { status: 429, headers: { "Retry-After": "7" } });

  it("gzips an unencoded answer for a client that accepts gzip, keeping status and headers", async () => {
    const response = await gzipIfAccepted(request("gzip"), error());
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString("utf8"))).toEqual({
      error: { code: "rate_limited", message: "Too many requests" },
    });
  });

  it("leaves the answer alone when the client does not accept gzip, or it is encoded already, or has no body", async () => {
    const plain = error();
    expect(await gzipIfAccepted(request("identity"), plain)).toBe(plain);
    const encoded = encodedJsonResponse(request("gzip"), new EncodedJson("{}"), { headers: {} });
    expect(await gzipIfAccepted(request("gzip"), encoded)).toBe(encoded);
    const empty = new Response(null, { status: 204 });
    expect(await gzipIfAccepted(request("gzip"), empty)).toBe(empty);
  });
});

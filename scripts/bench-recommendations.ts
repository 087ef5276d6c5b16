/**
 * `npm run bench:recommendations`: how long one organisation's
 * recommendations take (docs/RECOMMENDATIONS.md), measured through
 * listRecommendations, the function the page calls: the tenancy check, our
 * profile, the exclusions, the candidate SQL, the responsiveness of the
 * candidates, the score and the names.
 *
 * - The database: --url, else DATABASE_URL, else the local embedded
 *   PostgreSQL's "covalent" database when it is running (npm run db).
 *   Fill it first: `npm run seed:scale -- --orgs 100000` (DATABASE_URL=…).
 * - Picks --orgs random published organisations (default 100), makes a
 *   throw-away user a member of them (removed at the end), warms up on
 *   --warmup of them, then computes each organisation's recommendations
 *   one after another and prints p50/p95/p99, the mean and the count.
 * - --seed-requests N first adds N synthetic cooperation requests between
 *   random published organisations (subject "bench:recommendations", so that
 *   --reset-requests removes them), for exclusions and responsiveness to
 *   read realistic rows. --explain prints the plan of the candidate statement
 *   of the first organisation.
 *
 * Options: --url postgresql://…, --orgs 100, --warmup 10, --limit 20,
 * --seed-requests 0, --reset-requests, --explain, --own (include own country).
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { isListening, percentile } from "./measure";

// The domain modules start with `import "server-only"`, which only resolves
// outside React Server Components under the "react-server" condition: run
// this script again under it.
if (!process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(process.execPath, ["--conditions=react-server", ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}

const BENCH_SUBJECT = "bench:recommendations";

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      orgs: { type: "string", default: "100" },
      warmup: { type: "string", default: "10" },
      limit: { type: "string", default: "20" },
      "seed-requests": { type: "string", default: "0" },
      "reset-requests": { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      own: { type: "boolean", default: false },
    },
  });
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const databaseUrl =
    values.url ??
    process.env.DATABASE_URL ??
    ((await isListening(port)) ? `postgresql://postgres:postgres@127.0.0.1:${port}/covalent` : undefined);
  if (!databaseUrl) throw new Error("no database: pass --url, set DATABASE_URL or start one with `npm run db`");
  // Read by lib/env.ts on first use: before any domain module is loaded.
  process.env.DATABASE_URL = databaseUrl;

  const { getDb } = await import("../lib/db/client");
  const { listRecommendations } = await import("../lib/recommendations/list-recommendations");
  const { candidateSql, loadEngineProfile, TEXT_QUERY_BUDGET_ROWS } = await import("../lib/recommendations/recommend");
  const { getCorpusStats } = await import("../lib/recommendations/term-stats");
  const { buildCandidateTextQuery } = await import("../lib/recommendations/text-query");
  const db = getDb();
  const count = Math.max(1, Number.parseInt(values.orgs, 10) || 100);
  const warmup = Math.max(0, Number.parseInt(values.warmup, 10) || 0);
  const limit = Math.max(1, Number.parseInt(values.limit, 10) || 20);

  try {
    if (values["reset-requests"]) {
      const removed = await db.cooperationRequest.deleteMany({ where: { subject: BENCH_SUBJECT } });
      console.log(`[bench:recommendations] removed ${removed.count} synthetic requests`);
    }
    const toSeed = Math.max(0, Number.parseInt(values["seed-requests"], 10) || 0);
    if (toSeed > 0) {
      // Random pairs of published organisations; statuses in rough proportions of a live platform.
      const inserted = await db.$executeRaw`
        WITH pub AS (SELECT "organizationId" AS id, row_number() OVER () AS n FROM "ClusterProfile" WHERE "status" = 'APPROVED'),
        total AS (SELECT count(*) AS c FROM pub),
        pairs AS (
          SELECT 1 + floor(random() * (SELECT c FROM total))::bigint AS a, 1 + floor(random() * (SELECT c FROM total))::bigint AS b,
                 random() AS r, now() - random() * interval '400 days' AS created
          FROM generate_series(1, ${toSeed})
        )
        INSERT INTO "CooperationRequest" ("id", "senderId", "receiverId", "kind", "subject", "status", "expiresAt",
                                          "respondedAt", "closedAt", "createdAt", "updatedAt")
        SELECT 'benchreq_' || md5(random()::text || clock_timestamp()::text), s.id, r.id, 'JOINT_PROJECT'::"RequestKind", ${BENCH_SUBJECT},
               (CASE WHEN p.r < 0.15 THEN 'OPEN' WHEN p.r < 0.55 THEN 'ACCEPTED' WHEN p.r < 0.75 THEN 'DECLINED'
                     WHEN p.r < 0.8 THEN 'WITHDRAWN' ELSE 'EXPIRED' END)::"RequestStatus",
               p.created + interval '30 days',
               CASE WHEN p.r < 0.75 AND p.r >= 0.05 THEN p.created + interval '3 days' END,
               CASE WHEN p.r >= 0.15 THEN p.created + interval '5 days' END,
               p.created, p.created
        FROM pairs p JOIN pub s ON s.n = p.a JOIN pub r ON r.n = p.b
        WHERE s.id <> r.id
        ON CONFLICT DO NOTHING`;
      await db.$executeRawUnsafe(`ANALYZE "CooperationRequest"`);
      console.log(`[bench:recommendations] added ${inserted} synthetic requests`);
    }

    const [{ published } = { published: 0 }] = await db.$queryRaw<{ published: number }[]>`
      SELECT count(*)::int AS published FROM "ClusterProfile" WHERE "status" = 'APPROVED'`;
    const [{ requests } = { requests: 0 }] = await db.$queryRaw<{ requests: number }[]>`SELECT count(*)::int AS requests FROM "CooperationRequest"`;
    const sample = await db.$queryRaw<{ id: string; slug: string }[]>`
      SELECT o."id", o."slug" FROM "ClusterProfile" p TABLESAMPLE BERNOULLI (${Math.min(100, (100 * (count + warmup) * 4) / Math.max(1, published))}::float4)
      JOIN "Organization" o ON o."id" = p."organizationId"
      WHERE p."status" = 'APPROVED' ORDER BY random() LIMIT ${count + warmup}`;
    if (sample.length === 0) throw new Error("no published organisations: run `npm run seed:scale` first");
    console.log(
      `[bench:recommendations] ${published} published organisations, ${requests} requests; ${sample.length - Math.min(warmup, sample.length - 1)} measured after ${Math.min(warmup, sample.length - 1)} warm-up, limit ${limit}${values.own ? ", own country included" : ""}`,
    );

    const user = await db.user.create({
      data: { email: `bench-${randomBytes(6).toString("hex")}@example.invalid`, name: "Benchmark", passwordHash: "x", emailVerifiedAt: new Date() },
    });
    try {
      await db.membership.createMany({ data: sample.map((o) => ({ organizationId: o.id, userId: user.id, role: "MEMBER" as const })) });
      const ctx = { actor: { id: user.id, email: user.email } };

      if (values.explain) {
        const us = (await loadEngineProfile(db, sample[0]!.id))!;
        const corpus = await getCorpusStats(db);
        const query = buildCandidateTextQuery(us, corpus, { budgetRows: TEXT_QUERY_BUDGET_ROWS });
        const statement = candidateSql({
          us,
          includeOwnCountry: values.own,
          now: new Date(),
          tsquery: query?.tsquery ?? null,
        });
        const plan = await db.$queryRawUnsafe<Record<string, string>[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`, ...statement.values);
        console.log(`text query: ${query?.tsquery ?? "(none)"} (~${Math.round(query?.estimatedRows ?? 0)} rows expected)`);
        console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
      }

      const warm = Math.min(warmup, sample.length - 1);
      for (const org of sample.slice(0, warm)) await listRecommendations({ orgSlug: org.slug, includeOwnCountry: values.own, limit }, ctx);

      const latencies: number[] = [];
      let returned = 0;
      let fewer = 0;
      for (const org of sample.slice(warm)) {
        const started = performance.now();
        const list = await listRecommendations({ orgSlug: org.slug, includeOwnCountry: values.own, limit }, ctx);
        latencies.push(performance.now() - started);
        returned += list.data.length;
        if (list.data.length < limit) fewer += 1;
      }
      latencies.sort((a, b) => a - b);
      const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
      const f = (v: number) => v.toFixed(1).padStart(8);
      console.log("");
      console.log(`${"".padEnd(28)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"mean".padStart(8)} ${"max".padStart(8)} ${"count".padStart(6)}`);
      console.log(
        `${"listRecommendations".padEnd(28)} ${f(percentile(latencies, 50))} ${f(percentile(latencies, 95))} ${f(percentile(latencies, 99))} ${f(mean)} ${f(latencies[latencies.length - 1]!)} ${String(latencies.length).padStart(6)}`,
      );
      console.log(`recommendations per organisation: ${(returned / latencies.length).toFixed(1)} on average; ${fewer} organisations got fewer than ${limit}`);
    } finally {
      await db.user.delete({ where: { id: user.id } });
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("[bench:recommendations]", error instanceof Error ? error.message : error);
  process.exit(1);
});

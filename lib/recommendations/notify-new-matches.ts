import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { PrismaClient } from "@/lib/db/generated/client";
import { notifyOrganization } from "@/lib/notifications/notify";
import { DECLINED_COOLDOWN_DAYS, loadResponseHistory, rankCandidates, type EngineProfile } from "./recommend";
import { getCorpusStats } from "./term-stats";

/**
 * The weekly "new matches": each organisation with a published profile
 * hears (one notification of kind "recommendations.new", which goes to the
 * weekly digest by default) how many organisations published recently would
 * be good partners for it.
 *
 * The rule that makes it safe to run daily, on several instances, across
 * restarts, with nothing but PostgreSQL for state:
 * - an organisation is told at most once a week: it is skipped while its
 *   last "recommendations.new" notification is younger than 7 days;
 * - it is told about organisations published after that last notification
 *   (at most LOOKBACK_DAYS back), or in the last 7 days the first time, so
 *   no organisation is counted twice;
 * - the matches of a batch are counted outside any transaction; then one
 *   short transaction locks the organisations to notify (FOR NO KEY UPDATE
 *   SKIP LOCKED) and re-reads their last notification under the lock, and
 *   leaves out any told since: two instances never notify one twice.
 * An organisation with nothing new gets nothing (and is simply looked at
 * again the next day).
 *
 * Bounded at scale: the recently published profiles (at most MAX_FRESH) are
 * read once; every organisation is read once, in batches by primary key, and
 * compared with the fresh ones only where they could match (a shared
 * ecosystem or a target country), in memory.
 */
export const NEW_MATCHES_KIND = "recommendations.new" as const;
export const NOTIFY_EVERY_DAYS = 7;
export const FIRST_WINDOW_DAYS = 7;
export const LOOKBACK_DAYS = 14;
/** A fresh organisation counts as a match for one whose score for it is at least this (docs/RECOMMENDATIONS.md). */
export const NEW_MATCH_MIN_SCORE = 0.5;
const MAX_FRESH = 2000;
const DEFAULT_BATCH_SIZE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

type Row = EngineProfile & { name: string; slug: string };

const COLUMNS = `p."organizationId" AS id, o."country" AS country, o."name" AS name, o."slug" AS slug, p."ecosystems", p."sectors",
  p."keywords", p."offers", p."seeks", p."targetCountries", p."label"::text AS label, p."membersTotal", p."publishedAt"`;

export async function notifyNewMatches(options: {
  db: PrismaClient;
  now: Date;
  batchSize?: number;
}): Promise<{ organizations: number; notified: number }> {
  const { db, now } = options;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const lookbackStart = new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS);
  const fresh = await db.$queryRawUnsafe<Row[]>(
    `SELECT ${COLUMNS} FROM "ClusterProfile" p JOIN "Organization" o ON o."id" = p."organizationId"
     WHERE p."status" = 'APPROVED' AND p."publishedAt" > $1 AND p."publishedAt" <= $2
     ORDER BY p."publishedAt" DESC LIMIT ${MAX_FRESH}`,
    lookbackStart,
    now,
  );
  if (fresh.length === 0) return { organizations: 0, notified: 0 };

  const corpus = await getCorpusStats(db);
  const history = await loadResponseHistory(db, fresh.map((f) => f.id), now);
  const freshIds = fresh.map((f) => f.id);
  // Where a fresh organisation could match: its ecosystems, the countries it targets, its country.
  const byEcosystem = groupBy(fresh, (f) => f.ecosystems);
  const byTarget = groupBy(fresh, (f) => f.targetCountries);
  const byCountry = groupBy(fresh, (f) => [f.country]);

  let organizations = 0;
  let notified = 0;
  let cursor = "";
  for (;;) {
    const batch = await db.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM "ClusterProfile" p JOIN "Organization" o ON o."id" = p."organizationId"
       WHERE p."status" = 'APPROVED' AND p."organizationId" > $1
       ORDER BY p."organizationId" LIMIT ${batchSize}`,
      cursor,
    );
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!.id;
    organizations += batch.length;

    // Count first, outside any transaction (the scoring is the slow part)…
    const ids = batch.map((b) => b.id);
    const lastSent = await loadLastSent(db, ids);
    const excluded = await loadPairExclusions(db, ids, freshIds, now);
    const counts = new Map<string, number>();
    for (const us of batch) {
      const last = lastSent.get(us.id);
      if (last && now.getTime() - last.getTime() < NOTIFY_EVERY_DAYS * DAY_MS) continue;
      const since = last ? Math.max(last.getTime(), lookbackStart.getTime()) : now.getTime() - FIRST_WINDOW_DAYS * DAY_MS;
      const candidates = new Map<string, Row>();
      for (const list of [
        ...us.ecosystems.map((e) => byEcosystem.get(e)),
        byTarget.get(us.country),
        ...us.targetCountries.map((c) => byCountry.get(c)),
      ]) {
        for (const f of list ?? []) {
          if (f.id === us.id || f.country === us.country || candidates.has(f.id)) continue;
          if (!f.publishedAt || f.publishedAt.getTime() <= since) continue;
          if (excluded.has(`${us.id} ${f.id}`)) continue;
          candidates.set(f.id, f);
        }
      }
      if (candidates.size === 0) continue;
      const matches = rankCandidates({
        us,
        candidates: [...candidates.values()],
        history,
        corpus,
        limit: candidates.size,
        minScore: NEW_MATCH_MIN_SCORE,
        explain: false,
      });
      if (matches.length > 0) counts.set(us.id, matches.length);
    }

    // …then notify in a short transaction that locks those organisations and checks, under the
    // lock, that nobody (another instance, an earlier run) told them since we looked.
    if (counts.size > 0) {
      notified += await db.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Organization" WHERE "id" = ANY(${[...counts.keys()]}::text[]) ORDER BY "id" FOR NO KEY UPDATE SKIP LOCKED`;
        const lockedIds = locked.map((l) => l.id);
        if (lockedIds.length === 0) return 0;
        const lastNow = await loadLastSent(tx, lockedIds);
        let sent = 0;
        for (const us of batch) {
          const count = counts.get(us.id);
          if (count === undefined || !lockedIds.includes(us.id)) continue;
          if (lastNow.get(us.id)?.getTime() !== lastSent.get(us.id)?.getTime()) continue;
          const recipients = await notifyOrganization(tx, {
            organizationId: us.id,
            permission: "requests:read",
            kind: NEW_MATCHES_KIND,
            data: { path: `/o/${us.slug}/recommendations`, orgName: us.name, count },
          });
          if (recipients.length > 0) sent += 1;
        }
        if (sent > 0) {
          // The notices are this job's memory ("told at"): date them by the run's clock (a test's
          // date, or the same moment in production), not the insert's. xmin picks this
          // transaction's rows only.
          await tx.$executeRaw`
            UPDATE "Notification" SET "createdAt" = ${now}
            WHERE "organizationId" = ANY(${lockedIds}::text[]) AND "kind" = ${NEW_MATCHES_KIND}
              AND "xmin" = pg_current_xact_id()::xid`;
        }
        return sent;
      });
    }
    // A long run must not starve the requests this process serves.
    await yieldToEventLoop();
  }
  return { organizations, notified };
}

/** When each organisation was last told about new matches. */
async function loadLastSent(db: Pick<PrismaClient, "$queryRaw">, organizationIds: string[]): Promise<Map<string, Date>> {
  const rows = await db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT "organizationId" AS id, max("createdAt") AS at FROM "Notification"
    WHERE "organizationId" = ANY(${organizationIds}::text[]) AND "kind" = ${NEW_MATCHES_KIND}
    GROUP BY "organizationId"`;
  return new Map(rows.map((r) => [r.id, r.at]));
}

function groupBy(rows: Row[], keys: (row: Row) => readonly string[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    for (const key of new Set(keys(row))) {
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    }
  }
  return map;
}

/**
 * "<us> <them>" for every pair that must not be suggested: active
 * partners, dismissed, declined our request recently, an open request either
 * way (the same rules as recommend.ts exclusionSql, for a batch).
 */
async function loadPairExclusions(
  tx: Pick<PrismaClient, "$queryRaw">,
  ours: string[],
  theirs: string[],
  now: Date,
): Promise<Set<string>> {
  const declinedSince = new Date(now.getTime() - DECLINED_COOLDOWN_DAYS * DAY_MS);
  const rows = await tx.$queryRaw<{ us: string; them: string }[]>`
    SELECT "organizationAId" AS us, "organizationBId" AS them FROM "Partnership"
      WHERE "isActive" AND "organizationAId" = ANY(${ours}::text[]) AND "organizationBId" = ANY(${theirs}::text[])
    UNION SELECT "organizationBId", "organizationAId" FROM "Partnership"
      WHERE "isActive" AND "organizationBId" = ANY(${ours}::text[]) AND "organizationAId" = ANY(${theirs}::text[])
    UNION SELECT "organizationId", "dismissedId" FROM "RecommendationDismissal"
      WHERE "organizationId" = ANY(${ours}::text[]) AND "dismissedId" = ANY(${theirs}::text[])
    UNION SELECT "senderId", "receiverId" FROM "CooperationRequest"
      WHERE "senderId" = ANY(${ours}::text[]) AND "receiverId" = ANY(${theirs}::text[])
        AND ("status" = 'OPEN' OR ("status" = 'DECLINED' AND coalesce("closedAt", "updatedAt") >= ${declinedSince}))
    UNION SELECT "receiverId", "senderId" FROM "CooperationRequest"
      WHERE "receiverId" = ANY(${ours}::text[]) AND "senderId" = ANY(${theirs}::text[]) AND "status" = 'OPEN'`;
  return new Set(rows.map((r) => `${r.us} ${r.them}`));
}

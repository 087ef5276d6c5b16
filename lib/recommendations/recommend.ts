import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import {
  profileTexts,
  scoreCandidate,
  type ClusterLabel,
  type ProfileTexts,
  type RecommendationReason,
  type ResponseHistory,
  type ScoredProfile,
} from "./score";
import { getCorpusStats, type CorpusStats } from "./term-stats";
import { buildCandidateTextQuery } from "./text-query";

/**
 * The engine behind the recommendations page, the weekly "new matches" job
 * and the benchmark: candidates from SQL (through the indexes the directory
 * already has), scored in TypeScript (score.ts). No tenancy check here: the
 * callers pass an organisation they have checked (list-recommendations.ts)
 * or work for every organisation (notify-new-matches.ts).
 *
 * Candidates are the union of a few capped, index-driven sets:
 *   text      their texts share the telling words of our needs and offers (GIN on "searchVector")
 *   targetsUs they target our country and share an ecosystem (GIN on "targetCountries")
 *   weTarget  they are in a country we target and share an ecosystem (btree on status, country)
 *   field     they share an ecosystem, then anyone; only when the others found few
 * Every set stops at its cap, so one organisation's recommendations read a
 * few hundred profiles whatever the size of the directory
 * (docs/RECOMMENDATIONS.md).
 */

export const CANDIDATE_CAPS = { text: 80, targetsUs: 50, weTargetPerCountry: 12, field: 120 } as const;
/** The text query may match about this many profiles before the GIN scan costs too much. */
export const TEXT_QUERY_BUDGET_ROWS = 3000;
/** At most this many of our target countries are looked at (a profile could list them all). */
const MAX_TARGET_COUNTRIES = 12;
/** A request declined this recently keeps the decliner out of our recommendations. */
export const DECLINED_COOLDOWN_DAYS = 90;
/** A request unanswered for this long counts against the receiver's responsiveness. */
export const UNANSWERED_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export type EngineProfile = ScoredProfile & { id: string; publishedAt: Date | null };

export type Recommendation = {
  id: string;
  /** 0–1 */
  score: number;
  reasons: RecommendationReason[];
  profile: EngineProfile;
};

type ProfileRow = {
  id: string;
  country: string;
  ecosystems: string[];
  sectors: string[];
  keywords: string[];
  offers: string;
  seeks: string;
  targetCountries: string[];
  label: ClusterLabel;
  membersTotal: number;
  publishedAt: Date | null;
};

const PROFILE_COLUMNS = Prisma.sql`p."organizationId" AS id, p."searchCountry" AS country, p."ecosystems", p."sectors",
  p."keywords", p."offers", p."seeks", p."targetCountries", p."label"::text AS label, p."membersTotal", p."publishedAt"`;

/** Our own profile as the engine reads it (any status: the caller decides what an unpublished one gets). */
export async function loadEngineProfile(
  db: PrismaClient,
  organizationId: string,
): Promise<(EngineProfile & { status: string }) | null> {
  const rows = await db.$queryRaw<(ProfileRow & { status: string; orgCountry: string })[]>`
    SELECT ${PROFILE_COLUMNS}, p."status"::text AS status, o."country" AS "orgCountry"
    FROM "ClusterProfile" p JOIN "Organization" o ON o."id" = p."organizationId"
    WHERE p."organizationId" = ${organizationId}`;
  const row = rows[0];
  if (!row) return null;
  // The organisation's own country is the truth ("searchCountry" is a copy kept by a trigger).
  return { ...row, country: row.orgCountry };
}

/**
 * Organisations that must not be suggested to `organizationId`: active
 * partners, dismissed ones, those that declined our request in the last 90
 * days, and those with an open request between us (either way), so that a
 * suggestion disappears once a request is sent. One column, "id".
 */
function exclusionSql(organizationId: string, now: Date): Prisma.Sql {
  const declinedSince = new Date(now.getTime() - DECLINED_COOLDOWN_DAYS * DAY_MS);
  return Prisma.sql`
    SELECT "organizationBId" AS id FROM "Partnership" WHERE "organizationAId" = ${organizationId} AND "isActive"
    UNION SELECT "organizationAId" FROM "Partnership" WHERE "organizationBId" = ${organizationId} AND "isActive"
    UNION SELECT "dismissedId" FROM "RecommendationDismissal" WHERE "organizationId" = ${organizationId}
    UNION SELECT "receiverId" FROM "CooperationRequest"
      WHERE "senderId" = ${organizationId}
        AND ("status" = 'OPEN' OR ("status" = 'DECLINED' AND coalesce("closedAt", "updatedAt") >= ${declinedSince}))
    UNION SELECT "senderId" FROM "CooperationRequest" WHERE "receiverId" = ${organizationId} AND "status" = 'OPEN'`;
}

/**
 * How many requests an organisation received and answered, over the rows of
 * "CooperationRequest" r. A request counts as received once answered, or
 * once it has waited UNANSWERED_AFTER_DAYS (a request sent yesterday is no
 * sign of silence); one withdrawn before any answer does not count.
 */
function responseCountsSql(now: Date): Prisma.Sql {
  const waitedSince = new Date(now.getTime() - UNANSWERED_AFTER_DAYS * DAY_MS);
  return Prisma.sql`count(*) FILTER (WHERE r."respondedAt" IS NOT NULL)::int AS answered,
    count(*) FILTER (WHERE r."respondedAt" IS NOT NULL OR (r."status" <> 'WITHDRAWN' AND r."createdAt" < ${waitedSince}))::int AS received`;
}

export async function loadResponseHistory(
  db: PrismaClient,
  organizationIds: string[],
  now: Date,
): Promise<Map<string, ResponseHistory>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; answered: number; received: number }[]>`
    SELECT r."receiverId" AS id, ${responseCountsSql(now)}
    FROM "CooperationRequest" r
    WHERE r."receiverId" = ANY(${organizationIds}::text[])
    GROUP BY r."receiverId"`;
  return new Map(rows.map((r) => [r.id, { answered: r.answered, received: r.received }]));
}

type CandidateRow = ProfileRow & { name: string; slug: string; answered: number; received: number };

/**
 * The candidate statement: the exclusions, the capped sets, and for each
 * candidate its name and its request history, in one round trip (exported
 * for the benchmark's EXPLAIN).
 */
export function candidateSql(input: { us: EngineProfile; includeOwnCountry: boolean; now: Date; tsquery: string | null }): Prisma.Sql {
  const { us } = input;
  const eco = [...us.ecosystems];
  const targets = us.targetCountries.filter((c) => c !== us.country).slice(0, MAX_TARGET_COUNTRIES);
  // The filters every set shares. Overlap tests are wrapped in coalesce() where they must be
  // checked row by row instead of driving an index scan of their own (each GIN scan reads every
  // match before LIMIT applies: an ecosystem can hold a fifth of the directory).
  const common = Prisma.sql`p."status" = 'APPROVED' AND p."organizationId" <> ${us.id}
    AND NOT (p."organizationId" = ANY((SELECT ids FROM excluded)::text[]))
    ${input.includeOwnCountry ? Prisma.empty : Prisma.sql`AND p."searchCountry" <> ${us.country}`}`;
  const sharesField = Prisma.sql`coalesce(p."ecosystems" && ${eco}::text[], false)`;

  const sets: Prisma.Sql[] = [];
  if (input.tsquery) {
    sets.push(Prisma.sql`(SELECT ${PROFILE_COLUMNS} FROM "ClusterProfile" p
      WHERE ${common} AND p."searchVector" @@ to_tsquery('covalent', ${input.tsquery})
      LIMIT ${CANDIDATE_CAPS.text})`);
  }
  if (eco.length > 0) {
    sets.push(Prisma.sql`(SELECT ${PROFILE_COLUMNS} FROM "ClusterProfile" p
      WHERE ${common} AND p."targetCountries" @> ARRAY[${us.country}]::text[] AND ${sharesField}
      LIMIT ${CANDIDATE_CAPS.targetsUs})`);
    if (targets.length > 0) {
      sets.push(Prisma.sql`(SELECT c.* FROM unnest(${targets}::text[]) AS t(code) CROSS JOIN LATERAL (
        SELECT ${PROFILE_COLUMNS} FROM "ClusterProfile" p
        WHERE ${common} AND p."searchCountry" = t.code AND ${sharesField}
        LIMIT ${CANDIDATE_CAPS.weTargetPerCountry}) c)`);
    }
  }
  const found = sets.length > 0 ? Prisma.join(sets, " UNION ALL ") : Prisma.sql`SELECT ${PROFILE_COLUMNS} FROM "ClusterProfile" p WHERE false`;
  // When the targeted sets found few (a small directory, a sparse profile): the same field, then
  // anyone. The one-time filter skips these scans otherwise; each stops at its cap.
  const isShort = Prisma.sql`(SELECT count(*) FROM found) < ${CANDIDATE_CAPS.field}`;
  return Prisma.sql`WITH excluded AS (SELECT coalesce(array_agg(id), '{}') AS ids FROM (${exclusionSql(us.id, input.now)}) x),
    found AS (${found}),
    candidates AS (
      SELECT * FROM found
      ${eco.length > 0
        ? Prisma.sql`UNION ALL (SELECT ${PROFILE_COLUMNS} FROM "ClusterProfile" p
            WHERE ${isShort} AND ${common} AND p."ecosystems" && ${eco}::text[] LIMIT ${CANDIDATE_CAPS.field})`
        : Prisma.empty}
      UNION ALL (SELECT ${PROFILE_COLUMNS} FROM "ClusterProfile" p WHERE ${isShort} AND ${common} LIMIT ${CANDIDATE_CAPS.field})
    ),
    unique_candidates AS (SELECT DISTINCT ON (id) * FROM candidates)
    SELECT c.*, o."name", o."slug", h.answered, h.received
    FROM unique_candidates c
    JOIN "Organization" o ON o."id" = c.id
    CROSS JOIN LATERAL (SELECT ${responseCountsSql(input.now)} FROM "CooperationRequest" r WHERE r."receiverId" = c.id) h`;
}

/** Tokenised texts of profiles seen recently (candidates repeat across requests), checked against the text. */
const TEXT_CACHE_SIZE = 20_000;
const globalForTexts = globalThis as unknown as {
  covalentProfileTexts?: { stats: unknown; map: Map<string, { offers: string; seeks: string; texts: ProfileTexts }> };
};

function textsOf(profile: EngineProfile, corpus: CorpusStats): ProfileTexts {
  let cache = globalForTexts.covalentProfileTexts;
  if (!cache || cache.stats !== corpus.stats) {
    // New word weights: the cached vectors are stale.
    cache = { stats: corpus.stats, map: new Map() };
    globalForTexts.covalentProfileTexts = cache;
  }
  const hit = cache.map.get(profile.id);
  if (hit && hit.offers === profile.offers && hit.seeks === profile.seeks) return hit.texts;
  const texts = profileTexts(profile, corpus.stats);
  if (cache.map.size >= TEXT_CACHE_SIZE) cache.map.delete(cache.map.keys().next().value!);
  cache.map.set(profile.id, { offers: profile.offers, seeks: profile.seeks, texts });
  return texts;
}

/** Scores candidates for `us` and returns the best `limit`, best first (ties by id, so the order is stable). */
export function rankCandidates(input: {
  us: EngineProfile;
  candidates: EngineProfile[];
  history: Map<string, ResponseHistory>;
  corpus: CorpusStats;
  limit: number;
  minScore?: number;
  /** false: no reasons (a count is all the caller needs). */
  explain?: boolean;
}): Recommendation[] {
  const usTexts = textsOf(input.us, input.corpus);
  const score = (them: EngineProfile, quote: boolean) =>
    scoreCandidate({
      us: input.us,
      them,
      texts: { us: usTexts, them: textsOf(them, input.corpus) },
      history: input.history.get(them.id) ?? { answered: 0, received: 0 },
      quote,
    });
  return input.candidates
    .map((them) => ({ them, total: score(them, false).total }))
    .filter((r) => r.total >= (input.minScore ?? 0))
    .sort((a, b) => b.total - a.total || (a.them.id < b.them.id ? -1 : a.them.id > b.them.id ? 1 : 0))
    .slice(0, input.limit)
    .map(({ them, total }) => {
      if (input.explain === false) return { id: them.id, score: total, reasons: [], profile: them };
      const result = score(them, true);
      return { id: them.id, score: result.total, reasons: result.reasons, profile: them };
    });
}

/** The recommendations of one organisation whose profile the caller has loaded. */
export async function recommendFor(
  db: PrismaClient,
  input: { us: EngineProfile; includeOwnCountry: boolean; limit: number; now: Date },
): Promise<(Recommendation & { name: string; slug: string })[]> {
  const corpus = await getCorpusStats(db);
  const query = buildCandidateTextQuery(input.us, corpus, { budgetRows: TEXT_QUERY_BUDGET_ROWS });
  const rows = await db.$queryRaw<CandidateRow[]>(
    candidateSql({ us: input.us, includeOwnCountry: input.includeOwnCountry, now: input.now, tsquery: query?.tsquery ?? null }),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const history = new Map(rows.map((r) => [r.id, { answered: r.answered, received: r.received }]));
  return rankCandidates({ us: input.us, candidates: rows, history, corpus, limit: input.limit }).map((r) => ({
    ...r,
    name: byId.get(r.id)!.name,
    slug: byId.get(r.id)!.slug,
  }));
}

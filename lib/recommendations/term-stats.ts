import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { buildTermStats, type TermStats } from "./text";

/**
 * Document frequencies of the words in published offers and needs, for the
 * TF-IDF weights of the text similarity. Read from at most about
 * SAMPLE_TARGET profiles (a block sample above that: the weights of common
 * and rare words barely move with more), kept in memory for MAX_AGE_MS, and
 * refreshed in the background after that, so a request never waits for it
 * but the first one of a process.
 */
const SAMPLE_TARGET = 4000;
const MAX_AGE_MS = 15 * 60 * 1000;

export type CorpusStats = {
  /** Over offers and needs: the weights of the text similarity. */
  stats: TermStats;
  /**
   * Over everything the directory's "searchVector" holds (name, acronym,
   * keywords, offers, needs, descriptions): how many profiles a text query
   * will match (text-query.ts keeps the candidate query within budget).
   */
  searchStats: TermStats;
  /** About how many published profiles there are (the sample stands for them). */
  population: number;
};
type Entry = CorpusStats & { loadedAt: number };
const globalForStats = globalThis as unknown as { covalentTermStats?: Entry; covalentTermStatsLoading?: Promise<Entry> };

async function load(db: PrismaClient): Promise<Entry> {
  const [{ rows } = { rows: 0 }] = await db.$queryRaw<{ rows: number }[]>`
    SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = '"ClusterProfile"'::regclass`;
  const isSampled = rows > SAMPLE_TARGET * 1.5;
  // REPEATABLE: the same sample (and so the same weights) for the same table.
  const percent = isSampled ? (100 * SAMPLE_TARGET) / rows : 100;
  const texts = await db.$queryRaw<{ text: string; rest: string }[]>`
    SELECT p."offers" || ' ' || p."seeks" AS text,
           concat_ws(' ', o."name", p."acronym", array_to_string(p."keywords", ' '), array_to_string(p."tags", ' '),
                     p."descriptionEn", p."descriptionRu") AS rest
    FROM "ClusterProfile" p TABLESAMPLE SYSTEM (${percent}::float4) REPEATABLE (7)
    JOIN "Organization" o ON o."id" = p."organizationId"
    WHERE p."status" = 'APPROVED'`;
  return {
    stats: buildTermStats(texts.map((t) => t.text)),
    searchStats: buildTermStats(texts.map((t) => `${t.text} ${t.rest}`)),
    // The sample stands for every row of the table (a few are drafts: close enough for an estimate).
    population: isSampled ? rows : texts.length,
    loadedAt: Date.now(),
  };
}

function refresh(db: PrismaClient): Promise<Entry> {
  globalForStats.covalentTermStatsLoading ??= load(db)
    .then((entry) => {
      globalForStats.covalentTermStats = entry;
      return entry;
    })
    .finally(() => {
      globalForStats.covalentTermStatsLoading = undefined;
    });
  return globalForStats.covalentTermStatsLoading;
}

export async function getCorpusStats(db: PrismaClient): Promise<CorpusStats> {
  const entry = globalForStats.covalentTermStats;
  if (!entry) return refresh(db);
  if (Date.now() - entry.loadedAt > MAX_AGE_MS) {
    // Stale: answer with what we have, refresh for the next request.
    refresh(db).catch(() => undefined);
  }
  return entry;
}

/** Forgets the cached frequencies (tests that change the published profiles). */
export function clearCorpusStats(): void {
  globalForStats.covalentTermStats = undefined;
}

/**
 * The SQL of the directory (lib/directory/list-directory.ts and
 * export-csv.ts run it; the benchmark runs the very same statement on
 * PostgreSQL directly). No database access here, so that scripts can import it.
 *
 * One statement answers a page, its total and every facet (one round trip):
 * - `base`: published profiles matching the search text and the filters that
 *   have no facet (region, targets-country), with one boolean per faceted
 *   filter kind saying whether the row passes it. It reads "ClusterProfile"
 *   alone: the trigger-kept columns (searchCountry, searchName, membersTotal)
 *   spare a join with "Organization" for every match. Materialised once.
 * - the results are the `base` rows that pass every faceted filter: counted
 *   (total) and sorted (`page`); relevance (ts_rank) is computed for them
 *   only, and only up to MAX_RANKED_RESULTS of them. Without a search text
 *   the page is read in index order straight from the table.
 * - each facet counts `base` rows that pass every OTHER faceted filter
 *   (standard faceting: choosing a country does not hide the other countries).
 * Text: full text through the GIN index on "searchVector" (configuration
 * "covalent": English and Russian stemming, accents folded; see the
 * migration), plus trigram word similarity on the accent-free name (typos)
 * through its own GIN index. EXPLAIN ANALYZE in docs/PERFORMANCE.md.
 * Values always travel as bind parameters (Prisma.sql), never in the SQL text.
 */
import { Prisma } from "@/lib/db/generated/client";
import type { Locale } from "@/lib/i18n/locale";
import { MAX_QUERY_LENGTH, SIZE_BANDS, cleanText, type ClusterLabelValue, type TDirectoryQuery } from "./schemas";

export type DirectoryRow = {
  /** "DirectoryVersion" in the statement's snapshot (null before the first change): the cache key's validity. */
  version: string | null;
  total: number;
  data: RawDirectoryItem[] | null;
  facets: {
    country: [string, number][] | null;
    ecosystem: [string, string, string, number][] | null;
    sector: [string, string, string, number][] | null;
    label: [string, number][] | null;
    size: [string, number][] | null;
    level: [number, number][] | null;
  };
};

export type RawDirectoryItem = {
  slug: string;
  name: string;
  acronym: string | null;
  country: string;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  ecosystems: string[];
  sectors: string[];
  label: ClusterLabelValue;
  membersTotal: number;
  level: number | null;
  description: string;
  logoKey: string | null;
  publishedAt: string | null;
};

export type DirectoryExportRow = {
  slug: string;
  name: string;
  acronym: string | null;
  country: string;
  region: string | null;
  city: string | null;
  website: string | null;
  ecosystems: string[];
  sectors: string[];
  keywords: string[];
  label: string;
  membersTotal: number;
  membersSme: number;
  membersLarge: number;
  membersResearch: number;
  membersUniversity: number;
  membersPublic: number;
  membersOther: number;
  internationalisationLevel: number | null;
  targetCountries: string[];
  yearFounded: number | null;
  description: string;
  offers: string;
  seeks: string;
  publishedAt: Date | null;
};

const TRUE = Prisma.sql`TRUE`;

type FacetConditions = Record<"country" | "ecosystem" | "sector" | "label" | "size" | "level", Prisma.Sql>;

type Conditions = {
  /** The text match, or TRUE without a search text. */
  text: Prisma.Sql;
  /** The tsquery and the normalised text, when there is a search text. */
  search: { tsquery: Prisma.Sql; normalised: Prisma.Sql; lowered: Prisma.Sql; isTypoTolerant: boolean } | null;
  /** Filters without facets. */
  rest: Prisma.Sql;
  facet: FacetConditions;
};

/** The text part of a query, ready for SQL: empty when there is nothing to search for. */
function searchText(q: string): string {
  return cleanText(q).replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH).toWellFormed();
}

/**
 * One word of Latin or Cyrillic letters and digits, as people type it into
 * a search box. It becomes a prefix query of its stem ("robo" finds
 * "robotics", "clinical" finds "clinic" and "clinical"), which also serves
 * search-as-you-type. Only such words reach to_tsquery's own syntax (and
 * quotes and backslashes are escaped in SQL all the same); everything else
 * goes through websearch_to_tsquery, which accepts any text.
 */
function singleWord(q: string): string | null {
  const word = q.normalize("NFC");
  return /^[\p{Script=Latin}\p{Script=Cyrillic}0-9]{2,60}$/u.test(word) ? word : null;
}

function sizeBandSql(column: Prisma.Sql): Prisma.Sql {
  const whens = SIZE_BANDS.map((b) =>
    b.max === null ? Prisma.sql`WHEN ${column} >= ${b.min} THEN ${b.id}` : Prisma.sql`WHEN ${column} <= ${b.max} THEN ${b.id}`,
  );
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} END)`;
}

function conditions(query: TDirectoryQuery): Conditions {
  const q = searchText(query.q);
  let text = TRUE;
  let search: Conditions["search"] = null;
  if (q !== "") {
    const word = singleWord(q);
    const tsquery = word
      ? Prisma.sql`to_tsquery('covalent', '''' || replace(replace(unaccent('unaccent', ${word}::text), '\\', '\\\\'), '''', '''''') || ''':*')`
      : Prisma.sql`websearch_to_tsquery('covalent', unaccent('unaccent', ${q}::text))`;
    const normalised = Prisma.sql`lower(unaccent('unaccent', ${q}::text))`;
    // Trigrams need three characters to say anything; shorter texts use full text only.
    const isTypoTolerant = [...q].length >= 3;
    search = { tsquery, normalised, lowered: Prisma.sql`lower(${q}::text)`, isTypoTolerant };
    const typo = isTypoTolerant ? Prisma.sql` OR p."searchName" %> ${normalised}` : Prisma.empty;
    text = Prisma.sql`(p."searchVector" @@ ${tsquery}${typo})`;
  }

  const parts: Prisma.Sql[] = [];
  if (query.region.length > 0) {
    parts.push(Prisma.sql`lower(p."region") = ANY(${query.region.map((r) => r.toLowerCase())}::text[])`);
  }
  if (query.targetsCountry) parts.push(Prisma.sql`p."targetCountries" @> ARRAY[${query.targetsCountry}::text]`);
  const rest = parts.length > 0 ? Prisma.join(parts, " AND ") : TRUE;

  const bands = SIZE_BANDS.filter((b) => query.size.includes(b.id));
  const facet: FacetConditions = {
    country: query.country.length > 0 ? Prisma.sql`(p."searchCountry" = ANY(${query.country}::text[]))` : TRUE,
    ecosystem: query.ecosystem.length > 0 ? Prisma.sql`(p."ecosystems" && ${query.ecosystem}::text[])` : TRUE,
    sector: query.sector.length > 0 ? Prisma.sql`(p."sectors" && ${query.sector}::text[])` : TRUE,
    label: query.label.length > 0 ? Prisma.sql`(p."label" = ANY(${query.label}::text[]::"ClusterLabel"[]))` : TRUE,
    size:
      bands.length > 0
        ? Prisma.sql`(${Prisma.join(
            bands.map((b) =>
              b.max === null
                ? Prisma.sql`p."membersTotal" >= ${b.min}`
                : Prisma.sql`p."membersTotal" BETWEEN ${b.min} AND ${b.max}`,
            ),
            " OR ",
          )})`
        : TRUE,
    level: query.level.length > 0 ? Prisma.sql`(p."internationalisationLevel" = ANY(${query.level}::int[]))` : TRUE,
  };
  return { text, search, rest, facet };
}

/** Sort columns of `base`: s_name, published_at, members_total, id. */
const SORT_COLUMNS = Prisma.sql`
             p."searchName" AS s_name,
             p."publishedAt" AS published_at,
             p."membersTotal" AS members_total`;

/** ORDER BY over `hits`/`page` columns; every order ends on the id, so pages never overlap. */
function orderBy(query: TDirectoryQuery, isRanked: boolean, table: string | null): Prisma.Sql {
  const t = (column: string) => (table ? `${table}.${column}` : column);
  const keys = (() => {
    switch (query.sort) {
      case "name":
        return [`${t("s_name")} ASC`];
      case "newest":
        return [`${t("published_at")} DESC NULLS LAST`];
      case "size":
        return [`${t("members_total")} DESC`];
      case "relevance":
        return isRanked ? [`${t("s_exact")} DESC`, `${t("s_rank")} DESC`, `${t("s_name")} ASC`] : [`${t("s_name")} ASC`];
    }
  })();
  // Only fixed column names reach Prisma.raw: no user input.
  return Prisma.raw([...keys, `${t("id")} ASC`].join(", "));
}

/**
 * Above this many results the full-text rank is left out of the order: it
 * reads every result's vector (out of line, in TOAST), which for a broad word
 * ("software": 20,000 profiles) costs half a second. Such results are ordered
 * by exact name or acronym, then name similarity, then name.
 */
export const MAX_RANKED_RESULTS = 2000;

/**
 * Cheap relevance columns over a profile `p`, for rows that pass every filter
 * (`isResult`): an exact name or acronym match, the name's trigram
 * similarity, and the vector itself (a TOAST pointer: read only if ranked).
 */
function relevanceColumns(search: NonNullable<Conditions["search"]>, isResult: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`,
             CASE WHEN ${isResult} THEN
               p."searchName" = ${search.normalised} OR coalesce(lower(p."acronym") = ${search.lowered}, false)
             END AS s_exact,
             ${
               search.isTypoTolerant
                 ? // The profiles with a similar name come from the trigram index once (a hashed subplan),
                   // rather than comparing trigrams row by row for every result.
                   Prisma.sql`CASE WHEN ${isResult} AND p."organizationId" IN (
                       SELECT s."organizationId" FROM "ClusterProfile" s WHERE s."searchName" %> ${search.normalised})
                     THEN word_similarity(${search.normalised}, p."searchName") ELSE 0 END`
                 : Prisma.sql`0`
             } AS s_similarity,
             CASE WHEN ${isResult} THEN p."searchVector" END AS s_vector`;
}

/** The relevance score over relevance columns: full-text rank (weights A–D) when the results are few enough, plus name similarity. */
function rankSql(search: NonNullable<Conditions["search"]>, resultCount: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${resultCount} <= ${MAX_RANKED_RESULTS} THEN ts_rank(s_vector, ${search.tsquery}) ELSE 0 END + s_similarity)`;
}

/** The description in the viewer's language, or the other one when that is empty. */
function descriptionSql(locale: Locale): Prisma.Sql {
  return locale === "ru"
    ? Prisma.sql`CASE WHEN p."descriptionRu" <> '' THEN p."descriptionRu" ELSE p."descriptionEn" END`
    : Prisma.sql`CASE WHEN p."descriptionEn" <> '' THEN p."descriptionEn" ELSE p."descriptionRu" END`;
}

/** Every faceted filter at once (the rows that are results), over `base` columns. */
const ALL_FACETS = Prisma.sql`m_country AND m_ecosystem AND m_sector AND m_label AND m_size AND m_level`;

/**
 * The requested page as `page` columns (id and the sort columns).
 * - With a search text: from `base`, whose rows were already read.
 * - Without one: straight from the table, so that PostgreSQL can walk the
 *   index of the sort order ("status", "searchName" / "publishedAt" /
 *   "membersTotal") and stop after the page instead of sorting every row.
 */
function pageSql(query: TDirectoryQuery, c: Conditions, limit: number, offset: number): Prisma.Sql {
  const isRanked = query.sort === "relevance" && c.search !== null;
  if (c.search) {
    const rank = isRanked ? Prisma.sql`, ${rankSql(c.search, Prisma.sql`(SELECT n_all FROM counts WHERE g = 63)`)} AS s_rank` : Prisma.empty;
    return Prisma.sql`
      SELECT base.*${rank} FROM base WHERE ${ALL_FACETS}
      ORDER BY ${orderBy(query, isRanked, null)} LIMIT ${limit} OFFSET ${offset}`;
  }
  const f = c.facet;
  return Prisma.sql`
      SELECT p."organizationId" AS id, p."searchCountry" AS country, p."label" AS label,
             p."internationalisationLevel" AS level, ${SORT_COLUMNS}
      FROM "ClusterProfile" p
      WHERE p."status" = 'APPROVED' AND ${c.rest}
        AND ${f.country} AND ${f.ecosystem} AND ${f.sector} AND ${f.label} AND ${f.size} AND ${f.level}
      ORDER BY ${orderBy(query, false, null)} LIMIT ${limit} OFFSET ${offset}`;
}

export function directorySql(query: TDirectoryQuery, locale: Locale): Prisma.Sql {
  const c = conditions(query);
  const f = c.facet;
  const isRanked = query.sort === "relevance" && c.search !== null;
  const offset = (query.page - 1) * query.perPage;

  // Each facet: rows of `base` that pass every faceted filter but its own.
  const others = (own: keyof FacetConditions) =>
    Prisma.join(
      (Object.keys(f) as (keyof FacetConditions)[]).filter((k) => k !== own).map((k) => Prisma.raw(`m_${k}`)),
      " AND ",
    );
  const isResult = Prisma.sql`(${f.country} AND ${f.ecosystem} AND ${f.sector} AND ${f.label} AND ${f.size} AND ${f.level})`;

  return Prisma.sql`
    WITH base AS ${c.search ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`} (
      SELECT p."organizationId" AS id,
             p."searchCountry" AS country,
             p."ecosystems" AS ecosystems,
             p."sectors" AS sectors,
             p."label" AS label,
             ${sizeBandSql(Prisma.sql`p."membersTotal"`)} AS size,
             p."internationalisationLevel" AS level,
             ${c.search ? Prisma.sql`${SORT_COLUMNS},` : Prisma.empty}
             ${f.country} AS m_country,
             ${f.ecosystem} AS m_ecosystem,
             ${f.sector} AS m_sector,
             ${f.label} AS m_label,
             ${f.size} AS m_size,
             ${f.level} AS m_level
             ${isRanked && c.search ? relevanceColumns(c.search, isResult) : Prisma.empty}
      FROM "ClusterProfile" p
      WHERE p."status" = 'APPROVED' AND ${c.text} AND ${c.rest}
    ),
    -- Every facet and the total in ONE pass over base: a grouping set per
    -- facet kind, each counting only the rows that pass the other kinds.
    -- Arrays are grouped whole (few distinct sets), spread over their codes below.
    counts AS (
      SELECT GROUPING(country, label, size, level, ecosystems, sectors) AS g,
             country, label, size, level, ecosystems, sectors,
             count(*) FILTER (WHERE ${others("country")})::int AS n_country,
             count(*) FILTER (WHERE ${others("label")})::int AS n_label,
             count(*) FILTER (WHERE ${others("size")})::int AS n_size,
             count(*) FILTER (WHERE ${others("level")})::int AS n_level,
             count(*) FILTER (WHERE ${others("ecosystem")})::int AS n_ecosystem,
             count(*) FILTER (WHERE ${others("sector")})::int AS n_sector,
             count(*) FILTER (WHERE ${ALL_FACETS})::int AS n_all
      FROM base
      GROUP BY GROUPING SETS ((country), (label), (size), (level), (ecosystems), (sectors), ())
    ),
    page AS (${pageSql(query, c, query.perPage, offset)})
    SELECT
      (SELECT "version"::text FROM "DirectoryVersion" WHERE "id" = 1) AS version,
      coalesce((SELECT n_all FROM counts WHERE g = 63), 0) AS total,
      (SELECT json_agg(json_build_object(
          'slug', o."slug",
          'name', o."name",
          'acronym', p."acronym",
          'country', page.country,
          'region', p."region",
          'city', p."city",
          'latitude', p."latitude",
          'longitude', p."longitude",
          'ecosystems', p."ecosystems",
          'sectors', p."sectors",
          'label', page.label::text,
          'membersTotal', page.members_total,
          'level', page.level,
          'description', left(${descriptionSql(locale)}, 400),
          'logoKey', p."logoKey",
          'publishedAt', page.published_at
        ) ORDER BY ${orderBy(query, isRanked, "page")})
        FROM page
        JOIN "ClusterProfile" p ON p."organizationId" = page.id
        JOIN "Organization" o ON o."id" = page.id
      ) AS data,
      json_build_object(
        'country', (SELECT json_agg(json_build_array(country, n_country)) FROM counts WHERE g = 31 AND n_country > 0),
        'label', (SELECT json_agg(json_build_array(label::text, n_label)) FROM counts WHERE g = 47),
        'size', (SELECT json_agg(json_build_array(size, n_size)) FROM counts WHERE g = 55),
        'level', (SELECT json_agg(json_build_array(level, n_level)) FROM counts WHERE g = 59 AND level IS NOT NULL),
        'ecosystem', (SELECT json_agg(json_build_array(t."code", t."labelEn", t."labelRu", coalesce(x.n, 0)) ORDER BY t."sortOrder", t."code")
          FROM "Ecosystem" t
          LEFT JOIN (
            SELECT v, sum(n_ecosystem)::int AS n FROM counts, unnest(counts.ecosystems) v WHERE g = 61 GROUP BY v
          ) x ON x.v = t."code"
          WHERE t."isActive" OR x.n > 0),
        'sector', (SELECT json_agg(json_build_array(t."code", t."labelEn", t."labelRu", coalesce(x.n, 0)) ORDER BY t."sortOrder", t."code")
          FROM "Sector" t
          LEFT JOIN (
            SELECT v, sum(n_sector)::int AS n FROM counts, unnest(counts.sectors) v WHERE g = 62 GROUP BY v
          ) x ON x.v = t."code"
          WHERE t."isActive" OR x.n > 0)
      ) AS facets`;
}

/**
 * One chunk of the CSV export: every filter, the chosen order, no facets,
 * the export's own offset and limit (page and perPage are not used).
 */
export function directoryExportSql(query: TDirectoryQuery, locale: Locale, offset: number, limit: number): Prisma.Sql {
  const c = conditions(query);
  const f = c.facet;
  const isRanked = query.sort === "relevance" && c.search !== null;
  const rank =
    isRanked && c.search ? Prisma.sql`, ${rankSql(c.search, Prisma.sql`(SELECT count(*) FROM hits)`)} AS s_rank` : Prisma.empty;
  return Prisma.sql`
    WITH hits AS MATERIALIZED (
      SELECT p."organizationId" AS id, ${SORT_COLUMNS}
             ${isRanked && c.search ? relevanceColumns(c.search, TRUE) : Prisma.empty}
      FROM "ClusterProfile" p
      WHERE p."status" = 'APPROVED' AND ${c.text} AND ${c.rest}
        AND ${f.country} AND ${f.ecosystem} AND ${f.sector} AND ${f.label} AND ${f.size} AND ${f.level}
    ),
    page AS (
      SELECT hits.*${rank} FROM hits
      ORDER BY ${orderBy(query, isRanked, null)} LIMIT ${limit} OFFSET ${offset}
    )
    SELECT o."slug", o."name", p."acronym", o."country"::text AS "country", p."region", p."city", p."website",
           p."ecosystems", p."sectors", p."keywords", p."label"::text AS "label", p."membersTotal",
           p."membersSme", p."membersLarge", p."membersResearch", p."membersUniversity", p."membersPublic", p."membersOther",
           p."internationalisationLevel", p."targetCountries", p."yearFounded",
           ${descriptionSql(locale)} AS "description", p."offers", p."seeks", p."publishedAt"
    FROM page
    JOIN "ClusterProfile" p ON p."organizationId" = page.id
    JOIN "Organization" o ON o."id" = page.id
    ORDER BY ${orderBy(query, isRanked, "page")}`;
}

/** The SQL of `listDirectory` as text and values, for the benchmark's direct-to-PostgreSQL run and EXPLAIN. */
export function directoryStatement(query: TDirectoryQuery, locale: Locale): { text: string; values: unknown[] } {
  const sql = directorySql(query, locale);
  return { text: sql.text, values: sql.values };
}

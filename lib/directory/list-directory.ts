import "server-only";
import { EncodedJson } from "@/lib/api/encoding";
import { getPgPool } from "@/lib/db/pg-pool";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { summarize } from "@/lib/profiles/json-ld";
import { fileUrl } from "@/lib/storage/file-url";
import { VersionedCache } from "./cache";
import { readDirectoryVersion } from "./version";
import { directoryStatement, type DirectoryRow, type RawDirectoryItem } from "./directory-sql";
import {
  CLUSTER_LABELS,
  INTERNATIONALISATION_LEVELS,
  SIZE_BANDS,
  type ClusterLabelValue,
  type TDirectoryFacets,
  type TDirectoryListItem,
  type TDirectoryPage,
  type TDirectoryQuery,
  directoryQueryToSearchParams,
} from "./schemas";

/**
 * The public directory: approved profiles matching a query, one page, the
 * total and the facet counts, in one SQL statement (lib/directory/directory-sql.ts).
 */
export type DirectoryItem = TDirectoryListItem;
export type DirectoryPage = TDirectoryPage;

function facetsFrom(raw: DirectoryRow["facets"], query: TDirectoryQuery, locale: Locale): TDirectoryFacets {
  const fixed = <T extends string | number>(values: readonly T[], counts: [T, number][] | null, selected: readonly T[]) => {
    const byValue = new Map(counts ?? []);
    return values.map((value) => ({ value: String(value), count: byValue.get(value) ?? 0, selected: selected.includes(value) }));
  };
  const taxonomy = (rows: [string, string, string, number][] | null, selected: readonly string[]) =>
    (rows ?? []).map(([code, labelEn, labelRu, count]) => ({
      value: code,
      label: locale === "ru" ? labelRu : labelEn,
      count,
      selected: selected.includes(code),
    }));

  // Countries: those with results, and the chosen ones even at zero (so they can be unticked).
  const countryCounts = new Map(raw.country ?? []);
  for (const code of query.country) if (!countryCounts.has(code)) countryCounts.set(code, 0);
  const collator = new Intl.Collator(locale);
  const country = [...countryCounts]
    .map(([code, count]) => ({ value: code, label: countryName(code, locale), count, selected: query.country.includes(code) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));

  return {
    country,
    ecosystem: taxonomy(raw.ecosystem, query.ecosystem),
    sector: taxonomy(raw.sector, query.sector),
    label: fixed(CLUSTER_LABELS, raw.label as [ClusterLabelValue, number][] | null, query.label),
    size: fixed(
      SIZE_BANDS.map((b) => b.id),
      raw.size as [(typeof SIZE_BANDS)[number]["id"], number][] | null,
      query.size,
    ),
    level: fixed(INTERNATIONALISATION_LEVELS, raw.level as [1 | 2 | 3 | 4, number][] | null, query.level),
  };
}

function itemFrom(raw: RawDirectoryItem, locale: Locale): DirectoryItem {
  return {
    slug: raw.slug,
    name: raw.name,
    acronym: raw.acronym,
    country: raw.country,
    countryName: countryName(raw.country, locale),
    region: raw.region,
    city: raw.city,
    latitude: raw.latitude,
    longitude: raw.longitude,
    ecosystems: raw.ecosystems,
    sectors: raw.sectors,
    label: raw.label,
    membersTotal: raw.membersTotal,
    internationalisationLevel: raw.level,
    summary: summarize(raw.description, 200),
    logoUrl: raw.logoKey ? fileUrl(raw.logoKey) : null,
    url: `/clusters/${encodeURIComponent(raw.slug)}`,
    publishedAt: raw.publishedAt ? new Date(raw.publishedAt).toISOString() : null,
  };
}

const cache = new VersionedCache<DirectoryPage>();
/**
 * The API's answers, serialised with absolute links, as UTF-8 bytes and (once
 * asked for) gzip: a repeated API query costs no JSON work and no compression.
 */
const jsonCache = new VersionedCache<EncodedJson>();

/**
 * Keys already computed for a query object: the API parses a repeated query
 * string once and passes the same (frozen) object again
 * (app/api/v1/clusters/route.ts), so its keys are not rebuilt per request.
 */
const keysOfQuery = new WeakMap<TDirectoryQuery, Map<string, string>>();
function memoKey(query: TDirectoryQuery, slot: string, make: () => string): string {
  let keys = keysOfQuery.get(query);
  if (!keys) keysOfQuery.set(query, (keys = new Map()));
  let key = keys.get(slot);
  if (key === undefined) keys.set(slot, (key = make()));
  return key;
}

/** The cache key: the whole query (normalised by its schema) and the language. */
function cacheKey(query: TDirectoryQuery, locale: Locale): string {
  return memoKey(query, locale, () => JSON.stringify([locale, directoryQueryToSearchParams(query).toString()]));
}

async function queryDirectory(query: TDirectoryQuery, locale: Locale): Promise<{ version: string | null; page: DirectoryPage }> {
  const statement = directoryStatement(query, locale);
  const result = await getPgPool("reads").query<DirectoryRow>(statement.text, statement.values);
  const row = result.rows[0];
  const total = row?.total ?? 0;
  const page: DirectoryPage = {
    data: (row?.data ?? []).map((item) => itemFrom(item, locale)),
    total,
    page: query.page,
    perPage: query.perPage,
    totalPages: Math.ceil(total / query.perPage),
    facets: facetsFrom(row?.facets ?? { country: null, ecosystem: null, sector: null, label: null, size: null, level: null }, query, locale),
  };
  return { version: row?.version ?? null, page };
}

/**
 * One page of the public directory with its total and facet counts, in one
 * SQL statement; a query asked before is answered from memory while nothing
 * the directory shows has changed since (lib/directory/cache.ts): one
 * primary-key read instead of the statement.
 * `url` and `logoUrl` of the items are paths on this site (the API makes them absolute).
 */
export async function listDirectory(query: TDirectoryQuery, options: { locale: Locale }): Promise<DirectoryPage> {
  const key = cacheKey(query, options.locale);
  if (cache.has(key)) {
    const hit = cache.get(key, await readDirectoryVersion());
    if (hit) return hit;
  }
  const { version, page } = await queryDirectory(query, options.locale);
  cache.set(key, version, page);
  return page;
}

/**
 * The same answer as the API's JSON body: `url` and `logoUrl` absolute on
 * `baseUrl`. Cached as UTF-8 bytes, with their gzip made on first use
 * (lib/api/encoding.ts), under the same version as the page, so a repeated
 * API query is one primary-key read and bytes ready to send. `version`: the
 * current "DirectoryVersion" if the caller has just read it (the API reads
 * it with its rate-limit statement), which spares that read.
 */
export async function listDirectoryJson(
  query: TDirectoryQuery,
  options: { locale: Locale; baseUrl: string; version?: string | null },
): Promise<EncodedJson> {
  const pageKey = cacheKey(query, options.locale);
  const key = memoKey(query, `${options.locale} ${options.baseUrl}`, () => JSON.stringify([pageKey, options.baseUrl]));
  let version: string | null = null;
  let page: DirectoryPage | undefined;
  if (jsonCache.has(key) || cache.has(pageKey)) {
    version = options.version !== undefined ? options.version : await readDirectoryVersion();
    const hit = jsonCache.get(key, version);
    if (hit !== undefined) return hit;
    // The HTML page may have asked the same question under this version.
    page = cache.get(pageKey, version);
  }
  if (!page) {
    const answer = await queryDirectory(query, options.locale);
    version = answer.version;
    page = answer.page;
    cache.set(pageKey, version, page);
  }
  const absolute = (path: string) => `${options.baseUrl}${path}`;
  const body: DirectoryPage = {
    ...page,
    data: page.data.map((item) => ({ ...item, url: absolute(item.url), logoUrl: item.logoUrl ? absolute(item.logoUrl) : null })),
  };
  const json = new EncodedJson(JSON.stringify(body));
  jsonCache.set(key, version, json);
  return json;
}

/** Forgets every cached answer (tests that compare cached and fresh answers). */
export function clearDirectoryCache(): void {
  cache.clear();
  jsonCache.clear();
}

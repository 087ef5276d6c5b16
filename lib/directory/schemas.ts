/**
 * The directory's query (search, filters, sort, page) and the shapes the JSON
 * API answers with. One source for the page (/clusters), the route handlers
 * (/api/v1/clusters…) and the OpenAPI document (lib/api/openapi.ts, generated
 * with z.toJSONSchema from these very schemas).
 *
 * Parsing is tolerant: a directory URL is typed, shared and edited by people,
 * so unknown values are dropped, numbers are clamped and nothing in a query
 * string ever makes parsing fail (`parseDirectoryQuery` never throws).
 */
import { z } from "zod";
import { isCountryCode } from "@/lib/geo/countries";
import { ECOSYSTEMS, SECTORS } from "@/lib/profiles/taxonomy-seed";

/** Longer search texts are cut: real queries are short, and tsquery work grows with length. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
/** Deep pages cost an OFFSET scan; nobody pages through 100,000 rows by hand (CSV and the API's filters serve that). */
export const MAX_PAGE = 1000;
/** The CSV export stops here. */
export const MAX_EXPORT_ROWS = 10_000;
/** At most this many values per filter kind: more is not a person choosing checkboxes. */
const MAX_VALUES_PER_FILTER = 50;
const MAX_REGION_LENGTH = 100;

export const DIRECTORY_SORTS = ["relevance", "name", "newest", "size"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export const CLUSTER_LABELS = ["GOLD", "SILVER", "BRONZE", "NONE"] as const;
export type ClusterLabelValue = (typeof CLUSTER_LABELS)[number];

export const INTERNATIONALISATION_LEVELS = [1, 2, 3, 4] as const;

/**
 * Size bands on the total number of members (all kinds together). `max` is
 * inclusive; the first band also holds profiles that list no members.
 */
export const SIZE_BANDS = [
  { id: "1-49", min: 0, max: 49 },
  { id: "50-249", min: 50, max: 249 },
  { id: "250-499", min: 250, max: 499 },
  { id: "500+", min: 500, max: null },
] as const;
export type SizeBandId = (typeof SIZE_BANDS)[number]["id"];
const SIZE_BAND_IDS = SIZE_BANDS.map((b) => b.id) as [SizeBandId, ...SizeBandId[]];

export const ECOSYSTEM_CODES = ECOSYSTEMS.map((e) => e.code) as [string, ...string[]];
export const SECTOR_CODES = SECTORS.map((s) => s.code) as [string, ...string[]];

// ─── tolerant normalisers (the "preprocess" half of each field) ───

/** One raw query-string value or several (repeated parameters) as a flat list of strings. */
function rawValues(raw: unknown, options: { splitCommas: boolean }): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const strings = list.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String);
  return options.splitCommas ? strings.flatMap((s) => s.split(",")) : strings;
}

/**
 * Makes any string safe to send to PostgreSQL: well-formed UTF-16 (a lone
 * surrogate becomes U+FFFD), no NUL (PostgreSQL refuses it in text), no other
 * control characters.
 */
export function cleanText(value: string): string {
  return value.toWellFormed().replace(/[\u0000-\u001f\u007f]+/g, " ");
}

function uniqueList<T>(values: T[]): T[] {
  return [...new Set(values)].slice(0, MAX_VALUES_PER_FILTER);
}

function codeList<T extends string | number>(normalise: (value: string) => T | undefined) {
  return (raw: unknown) =>
    uniqueList(rawValues(raw, { splitCommas: true }).flatMap((value) => normalise(cleanText(value).trim()) ?? []));
}

const toCountry = (value: string) => {
  const code = value.toUpperCase();
  return code.length === 2 && isCountryCode(code) ? code : undefined;
};
const ecosystemSet = new Set<string>(ECOSYSTEM_CODES);
const sectorSet = new Set<string>(SECTOR_CODES);
const toEcosystem = (value: string) => (ecosystemSet.has(value.toLowerCase()) ? value.toLowerCase() : undefined);
const toSector = (value: string) => (sectorSet.has(value.toUpperCase()) ? value.toUpperCase() : undefined);
const toLabel = (value: string) => CLUSTER_LABELS.find((l) => l === value.toUpperCase());
const toLevel = (value: string) => INTERNATIONALISATION_LEVELS.find((l) => String(l) === value);
/** "500+" arrives as "500 " when typed by hand ("+" means a space in a query string): match on the lower bound. */
const toSizeBand = (value: string) => {
  const compact = value.replace(/[\s+]/g, "");
  return SIZE_BANDS.find((b) => b.id.replace("+", "") === compact || b.id === compact)?.id;
};

function regionList(raw: unknown): string[] {
  // Regions are free text ("Provence-Alpes-Côte d'Azur", names with commas): repeated parameters only, no comma splitting.
  return uniqueList(
    rawValues(raw, { splitCommas: false })
      .map((value) => cleanText(value).trim().slice(0, MAX_REGION_LENGTH))
      .filter((value) => value !== ""),
  );
}

function queryText(raw: unknown): string {
  const first = rawValues(raw, { splitCommas: false })[0] ?? "";
  return cleanText(first.slice(0, MAX_QUERY_LENGTH * 2))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .toWellFormed();
}

function integer(raw: unknown, { min, max }: { min: number; max: number }): number | undefined {
  const first = rawValues(raw, { splitCommas: false })[0];
  if (first === undefined) return undefined;
  const value = Number.parseInt(first.trim(), 10);
  if (!Number.isFinite(value)) return undefined;
  return Math.min(max, Math.max(min, value));
}

function firstOf<T extends string>(allowed: readonly T[]) {
  return (raw: unknown) => {
    const first = rawValues(raw, { splitCommas: false })[0]?.trim().toLowerCase();
    return allowed.find((a) => a === first);
  };
}

// ─── the query ───

const COMMA_LISTS = " Repeat the parameter or separate values with commas.";
const list = <T extends z.ZodType>(normalise: (raw: unknown) => unknown[], item: T, description: string) =>
  z.preprocess(normalise, z.array(item)).catch([]).meta({ description });

/** The directory query. Input: a query string's values (see `parseDirectoryQuery`); output: clean, valid values. */
export const ZDirectoryQuery = z.object({
  q: z
    .preprocess(queryText, z.string().max(MAX_QUERY_LENGTH))
    .catch("")
    .meta({
      description:
        'Full-text search over names, acronyms, keywords, offers, needs and descriptions (English and Russian). Web-search syntax: "quoted phrase", -excluded, or. Typos in names are tolerated.',
    }),
  country: list(codeList(toCountry), z.string().regex(/^[A-Z]{2}$/), "ISO 3166-1 alpha-2 codes of the clusters' countries (any of them)." + COMMA_LISTS),
  region: list(regionList, z.string().max(MAX_REGION_LENGTH), "Regions, exactly as on the profiles (any of them). Repeat the parameter for several."),
  ecosystem: list(codeList(toEcosystem), z.enum(ECOSYSTEM_CODES), "Industrial ecosystem codes (any of them)." + COMMA_LISTS),
  sector: list(codeList(toSector), z.enum(SECTOR_CODES), "NACE Rev. 2 section letters (any of them)." + COMMA_LISTS),
  label: list(codeList(toLabel), z.enum(CLUSTER_LABELS), "Cluster management labels (any of them)." + COMMA_LISTS),
  size: list(codeList(toSizeBand), z.enum(SIZE_BAND_IDS), "Size bands on the total number of members (any of them)." + COMMA_LISTS),
  level: list(codeList(toLevel), z.int().min(1).max(4), "Internationalisation levels 1–4 (any of them)." + COMMA_LISTS),
  targetsCountry: z
    .preprocess((raw) => codeList(toCountry)(raw)[0], z.string().regex(/^[A-Z]{2}$/).optional())
    .catch(undefined)
    .meta({ description: "Only clusters that target this country (ISO 3166-1 alpha-2) in their internationalisation." }),
  sort: z
    .preprocess(firstOf(DIRECTORY_SORTS), z.enum(DIRECTORY_SORTS).default("relevance"))
    .catch("relevance")
    .meta({ description: "relevance (without a search text: by name), name, newest (recently published first) or size (most members first)." }),
  page: z
    .preprocess((raw) => integer(raw, { min: 1, max: MAX_PAGE }), z.number().int().min(1).max(MAX_PAGE).default(1))
    .catch(1)
    .meta({ description: `Page number, from 1 (at most ${MAX_PAGE}).` }),
  perPage: z
    .preprocess(
      (raw) => integer(raw, { min: 1, max: MAX_PER_PAGE }),
      z.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
    )
    .catch(DEFAULT_PER_PAGE)
    .meta({ description: `Results per page, 1–${MAX_PER_PAGE}.` }),
});

export type TDirectoryQuery = z.output<typeof ZDirectoryQuery>;

/** Filter kinds that have facet counts. */
export const FACET_KINDS = ["country", "ecosystem", "sector", "label", "size", "level"] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

type SearchParamsLike =
  | URLSearchParams
  | Record<string, string | string[] | undefined>
  | undefined
  | null;

/** A query string (URLSearchParams, or Next's `searchParams` object) as a plain object with repeated keys as arrays. */
function toRecord(params: SearchParamsLike): Record<string, string | string[]> {
  if (!params) return {};
  if (params instanceof URLSearchParams) {
    const record: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      record[key] = all.length === 1 ? all[0]! : all;
    }
    return record;
  }
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string | string[]] => e[1] !== undefined));
}

/** The directory query of a URL. Never throws: anything unusable becomes the default. */
export function parseDirectoryQuery(params: SearchParamsLike): TDirectoryQuery {
  const result = ZDirectoryQuery.safeParse(toRecord(params));
  // Every field has a .catch(): failure is not expected, but a URL must never break the page.
  return result.success ? result.data : ZDirectoryQuery.parse({});
}

/**
 * The canonical query string of a query: defaults left out, codes as comma
 * lists, regions as repeated parameters. Links built with it reproduce the view.
 */
export function directoryQueryToSearchParams(query: Partial<TDirectoryQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of ["country", "ecosystem", "sector", "label", "size", "level"] as const) {
    const values = query[key] ?? [];
    if (values.length > 0) params.set(key, values.join(","));
  }
  for (const region of query.region ?? []) params.append("region", region);
  if (query.targetsCountry) params.set("targetsCountry", query.targetsCountry);
  if (query.sort && query.sort !== "relevance") params.set("sort", query.sort);
  if (query.page && query.page !== 1) params.set("page", String(query.page));
  if (query.perPage && query.perPage !== DEFAULT_PER_PAGE) params.set("perPage", String(query.perPage));
  return params;
}

/** True when the query narrows the directory (a search text or any filter). */
export function hasDirectoryFilters(query: TDirectoryQuery): boolean {
  return (
    query.q !== "" ||
    query.targetsCountry !== undefined ||
    (["country", "region", "ecosystem", "sector", "label", "size", "level"] as const).some((k) => query[k].length > 0)
  );
}

// ─── answers ───

export const ZFacetValue = z.object({
  value: z.string().meta({ description: "The filter value to send back (country code, ecosystem code, label, size band, level)." }),
  label: z.string().optional().meta({ description: "A name for the value in the requested language (countries, ecosystems, sectors)." }),
  count: z.int().min(0).meta({ description: "Matching clusters with this value, under all the other filters." }),
  selected: z.boolean(),
});

export const ZDirectoryFacets = z
  .object({
    country: z.array(ZFacetValue),
    ecosystem: z.array(ZFacetValue),
    sector: z.array(ZFacetValue),
    label: z.array(ZFacetValue),
    size: z.array(ZFacetValue),
    level: z.array(ZFacetValue),
  })
  .meta({
    description:
      "Counts per filter value. Each kind is counted with every OTHER filter applied (and the search text), so the numbers say what choosing a value would give.",
  });

export const ZDirectoryListItem = z
  .object({
    slug: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    country: z.string().meta({ description: "ISO 3166-1 alpha-2" }),
    countryName: z.string(),
    region: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    ecosystems: z.array(z.string()),
    sectors: z.array(z.string()),
    label: z.enum(CLUSTER_LABELS),
    membersTotal: z.int(),
    internationalisationLevel: z.int().nullable(),
    summary: z.string().meta({ description: "The start of the description in the requested language (or the other one when that is empty)." }),
    logoUrl: z.string().nullable(),
    url: z.string().meta({ description: "The public profile page." }),
    publishedAt: z.string().nullable().meta({ description: "ISO 8601" }),
  });

export type TDirectoryListItem = z.output<typeof ZDirectoryListItem>;

export const ZDirectoryPage = z
  .object({
    data: z.array(ZDirectoryListItem),
    total: z.int().min(0),
    page: z.int().min(1),
    perPage: z.int().min(1).max(MAX_PER_PAGE),
    totalPages: z.int().min(0),
    facets: ZDirectoryFacets,
  });

export type TDirectoryPage = z.output<typeof ZDirectoryPage>;
export type TDirectoryFacets = z.output<typeof ZDirectoryFacets>;

export const ZDirectoryEntry = z
  .object({
    slug: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    country: z.string(),
    countryName: z.string(),
    region: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    yearFounded: z.int().nullable(),
    website: z.string().nullable(),
    description: z.object({ en: z.string(), ru: z.string() }),
    offers: z.string(),
    seeks: z.string(),
    ecosystems: z.array(z.object({ code: z.string(), label: z.string() })),
    sectors: z.array(z.object({ code: z.string(), label: z.string() })),
    keywords: z.array(z.object({ code: z.string(), label: z.string() })),
    tags: z.array(z.string()),
    members: z.object({
      sme: z.int(),
      large: z.int(),
      research: z.int(),
      university: z.int(),
      public: z.int(),
      other: z.int(),
      total: z.int(),
    }),
    managementFte: z.number(),
    label: z.enum(CLUSTER_LABELS),
    targetCountries: z.array(z.string()),
    internationalisationLevel: z.int().nullable(),
    supportProgrammes: z.string(),
    logoUrl: z.string().nullable(),
    url: z.string(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  });

export type TDirectoryEntry = z.output<typeof ZDirectoryEntry>;

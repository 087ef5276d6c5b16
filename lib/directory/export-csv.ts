import "server-only";
import { getDb } from "@/lib/db/client";
import { countryName } from "@/lib/geo/countries";
import type { Locale } from "@/lib/i18n/locale";
import { logger } from "@/lib/log/logger";
import { listTaxonomyOptions } from "@/lib/profiles/taxonomies";
import { directoryExportSql, type DirectoryExportRow } from "./directory-sql";
import { MAX_EXPORT_ROWS, type TDirectoryQuery } from "./schemas";
import { csvLine } from "./csv";

export { MAX_EXPORT_ROWS };

/** Rows fetched per query while streaming: small enough to start sending at once, large enough to be few. */
const CHUNK_ROWS = 1000;

/**
 * Columns of the export. The header row holds these field names, the same in
 * every language (like the JSON API's), so that scripts can read the file;
 * the cells hold names and labels in the requested language.
 */
export const CSV_COLUMNS = [
  "slug", "name", "acronym", "country", "countryName", "region", "city", "website",
  "ecosystems", "sectors", "keywords", "label", "membersTotal",
  "membersSme", "membersLarge", "membersResearch", "membersUniversity", "membersPublic", "membersOther",
  "internationalisationLevel", "targetCountries", "yearFounded", "description", "offers", "seeks", "url", "publishedAt",
] as const;

/**
 * The directory under a query as CSV: UTF-8 with a byte-order mark (so that
 * spreadsheet programs read Russian text right), RFC 4180 quoting, formula
 * cells neutralised, all matching rows up to MAX_EXPORT_ROWS in the query's
 * order, fetched and sent in chunks as the client reads.
 * `baseUrl` makes the profile links absolute.
 */
export function exportDirectoryCsv(
  query: TDirectoryQuery,
  options: { locale: Locale; baseUrl: string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let offset = 0;
  let labels: Awaited<ReturnType<typeof listTaxonomyOptions>> | undefined;
  const label = (map: Map<string, string>, codes: string[]) => codes.map((code) => map.get(code) ?? code).join("; ");

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine([...CSV_COLUMNS])}`));
    },
    async pull(controller) {
      try {
        labels ??= await listTaxonomyOptions(options.locale);
        const maps = {
          ecosystem: new Map(labels.ecosystem.map((o) => [o.code, o.label])),
          sector: new Map(labels.sector.map((o) => [o.code, o.label])),
          keyword: new Map(labels.keyword.map((o) => [o.code, o.label])),
        };
        const limit = Math.min(CHUNK_ROWS, MAX_EXPORT_ROWS - offset);
        const rows =
          limit > 0 ? await getDb().$queryRaw<DirectoryExportRow[]>(directoryExportSql(query, options.locale, offset, limit)) : [];
        offset += rows.length;
        if (rows.length > 0) {
          const text = rows
            .map((r) =>
              csvLine([
                r.slug, r.name, r.acronym, r.country, countryName(r.country, options.locale), r.region, r.city, r.website,
                label(maps.ecosystem, r.ecosystems), label(maps.sector, r.sectors), label(maps.keyword, r.keywords),
                r.label, r.membersTotal,
                r.membersSme, r.membersLarge, r.membersResearch, r.membersUniversity, r.membersPublic, r.membersOther,
                r.internationalisationLevel, r.targetCountries.join("; "), r.yearFounded,
                r.description, r.offers, r.seeks,
                `${options.baseUrl}/clusters/${encodeURIComponent(r.slug)}`,
                r.publishedAt ? r.publishedAt.toISOString() : null,
              ]),
            )
            .join("");
          controller.enqueue(encoder.encode(text));
        }
        if (rows.length < limit || limit === 0) controller.close();
      } catch (error) {
        // The status line is already sent: all that is left is to end the download as broken.
        logger.error("directory csv export failed", { error, offset });
        controller.error(error);
      }
    },
  });
}

// GET /api/v1/clusters - public directory search: text, filters, facets, sort, pagination
import { absoluteUrl } from "@/lib/api/absolute-url";
import { preflight } from "@/lib/api/cors";
import { encodedJsonResponse } from "@/lib/api/encoding";
import { apiLocale } from "@/lib/api/locale";
import { apiGet, directoryVersionOf } from "@/lib/api/route";
import { listDirectoryJson } from "@/lib/directory/list-directory";
import { parseDirectoryQuery, type TDirectoryQuery } from "@/lib/directory/schemas";

export const dynamic = "force-dynamic";

/**
 * Parsed queries by their query string: parsing is a pure function of it and
 * clients repeat the same few queries, so a repeated one costs no zod parse,
 * and listDirectoryJson finds its cache keys on the same object (the route's
 * code went from 9 % to 3 % of a cached request's CPU, docs/PERFORMANCE.md).
 * Frozen, because requests share them; short query strings only, all
 * forgotten past 1,000.
 */
const parsedQueries = new Map<string, TDirectoryQuery>();
const MAX_PARSED_QUERIES = 1_000;
const MAX_MEMO_QUERY_LENGTH = 512;

function parseQuery(url: URL): TDirectoryQuery {
  const memo = url.search.length <= MAX_MEMO_QUERY_LENGTH;
  let query = memo ? parsedQueries.get(url.search) : undefined;
  if (query === undefined) {
    query = parseDirectoryQuery(url.searchParams);
    if (memo) {
      for (const value of Object.values(query)) if (Array.isArray(value)) Object.freeze(value);
      Object.freeze(query);
      if (parsedQueries.size >= MAX_PARSED_QUERIES) parsedQueries.clear();
      parsedQueries.set(url.search, query);
    }
  }
  return query;
}

// The body is a TDirectoryPage (lib/directory/schemas.ts), cached as bytes and gzip by listDirectoryJson;
// every answer of this path is gzip when the request accepts it (PRECOMPRESSED_API_PATHS, lib/api/encoding.ts).
export const GET = apiGet(
  async (request: Request) => {
    const url = new URL(request.url);
    const body = await listDirectoryJson(parseQuery(url), {
      locale: apiLocale(request, url),
      baseUrl: absoluteUrl(""),
      version: directoryVersionOf(request),
    });
    return encodedJsonResponse(request, body, {
      headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=30", Vary: "Accept-Language" },
    });
  },
  { precompressed: true },
);

export function OPTIONS() {
  return preflight();
}

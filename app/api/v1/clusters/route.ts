// GET /api/v1/clusters - public directory search: text, filters, facets, sort, pagination
import { absoluteUrl } from "@/lib/api/absolute-url";
import { preflight } from "@/lib/api/cors";
import { apiLocale } from "@/lib/api/locale";
import { apiGet, directoryVersionOf } from "@/lib/api/route";
import { listDirectoryJson } from "@/lib/directory/list-directory";
import { parseDirectoryQuery } from "@/lib/directory/schemas";

export const dynamic = "force-dynamic";

// The body is a TDirectoryPage (lib/directory/schemas.ts), cached as text by listDirectoryJson.
export const GET = apiGet(async (request: Request) => {
  const url = new URL(request.url);
  const body = await listDirectoryJson(parseDirectoryQuery(url.searchParams), {
    locale: apiLocale(request, url),
    baseUrl: absoluteUrl(""),
    version: directoryVersionOf(request),
  });
  return new Response(body, {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=30", Vary: "Accept-Language" },
  });
});

export function OPTIONS() {
  return preflight();
}

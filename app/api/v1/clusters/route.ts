// GET /api/v1/clusters - public directory search: text, filters, facets, sort, pagination
import { absoluteUrl } from "@/lib/api/absolute-url";
import { preflight } from "@/lib/api/cors";
import { apiLocale } from "@/lib/api/locale";
import { apiGet } from "@/lib/api/route";
import { listDirectory } from "@/lib/directory/list-directory";
import { parseDirectoryQuery, type TDirectoryPage } from "@/lib/directory/schemas";

export const dynamic = "force-dynamic";

export const GET = apiGet(async (request: Request) => {
  const url = new URL(request.url);
  const page = await listDirectory(parseDirectoryQuery(url.searchParams), { locale: apiLocale(request, url) });
  const body: TDirectoryPage = {
    ...page,
    data: page.data.map((item) => ({
      ...item,
      url: absoluteUrl(item.url),
      logoUrl: item.logoUrl ? absoluteUrl(item.logoUrl) : null,
    })),
  };
  return Response.json(body, { headers: { "Cache-Control": "public, max-age=30" } });
});

export function OPTIONS() {
  return preflight();
}

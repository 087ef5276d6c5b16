// GET /api/v1/clusters/{slug} - one published cluster's public profile
import { absoluteUrl } from "@/lib/api/absolute-url";
import { preflight } from "@/lib/api/cors";
import { apiError } from "@/lib/api/errors";
import { apiLocale } from "@/lib/api/locale";
import { apiGet } from "@/lib/api/route";
import { getDirectoryEntry } from "@/lib/directory/get-directory-entry";

export const dynamic = "force-dynamic";

export const GET = apiGet(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  const entry = await getDirectoryEntry(slug, { locale: apiLocale(request) });
  if (!entry) return apiError("not_found", "No published cluster has this slug.");
  return Response.json(
    { ...entry, url: absoluteUrl(entry.url), logoUrl: entry.logoUrl ? absoluteUrl(entry.logoUrl) : null },
    { headers: { "Cache-Control": "public, max-age=30", Vary: "Accept-Language" } },
  );
});

export function OPTIONS() {
  return preflight();
}

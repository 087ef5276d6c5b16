// GET /api/v1/clusters/export.csv - the filtered directory as CSV (streamed, up to 10,000 rows)
import { absoluteUrl } from "@/lib/api/absolute-url";
import { preflight } from "@/lib/api/cors";
import { apiLocale } from "@/lib/api/locale";
import { apiGet } from "@/lib/api/route";
import { CSV_EXPORT_COST } from "@/lib/api/rate-limit-config";
import { exportDirectoryCsv } from "@/lib/directory/export-csv";
import { parseDirectoryQuery } from "@/lib/directory/schemas";

export const dynamic = "force-dynamic";

export const GET = apiGet(
  async (request: Request) => {
    const url = new URL(request.url);
    const stream = exportDirectoryCsv(parseDirectoryQuery(url.searchParams), {
      locale: apiLocale(request, url),
      baseUrl: absoluteUrl(""),
    });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="covalent-clusters-${date}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { cost: CSV_EXPORT_COST },
);

export function OPTIONS() {
  return preflight();
}

// GET /api/v1/openapi.json - the OpenAPI 3.1 document of the public API, generated from its zod schemas
import { absoluteUrl } from "@/lib/api/absolute-url";
import { preflight, withApiHeaders } from "@/lib/api/cors";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

let document: Record<string, unknown> | undefined;

export function GET() {
  document ??= buildOpenApiDocument({ serverUrl: absoluteUrl("") });
  return withApiHeaders(Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } }));
}

export function OPTIONS() {
  return preflight();
}

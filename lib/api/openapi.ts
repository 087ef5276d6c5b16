/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas
 * the routes parse and answer with (lib/directory/schemas.ts,
 * lib/api/errors.ts): z.toJSONSchema makes the JSON Schema (2020-12, the
 * dialect of OpenAPI 3.1), so the document cannot drift from the code.
 */
import { z } from "zod";
import {
  MAX_EXPORT_ROWS,
  ZDirectoryEntry,
  ZDirectoryFacets,
  ZDirectoryListItem,
  ZDirectoryPage,
  ZDirectoryQuery,
  ZFacetValue,
} from "@/lib/directory/schemas";
import { ZApiError } from "./errors";
import { ZApiLang } from "./locale";
import { API_RATE_LIMIT, CSV_EXPORT_COST } from "./rate-limit-config";

type JsonSchema = Record<string, unknown>;

const COMPONENTS = {
  DirectoryPage: ZDirectoryPage,
  DirectoryListItem: ZDirectoryListItem,
  DirectoryFacets: ZDirectoryFacets,
  FacetValue: ZFacetValue,
  DirectoryEntry: ZDirectoryEntry,
  Error: ZApiError,
} as const;

export type ComponentName = keyof typeof COMPONENTS;

/** Component schemas, with references between them as #/components/schemas/<name>. */
export function componentSchemas(): Record<ComponentName, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Inside an OpenAPI document each component is a schema object of its own: no $id or $schema.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const rest = { ...(schema as JsonSchema) };
      delete rest.$id;
      delete rest.$schema;
      return [id, rest];
    }),
  ) as Record<ComponentName, JsonSchema>;
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$schema;
  return rest;
}

/** Query parameters from the query schema's fields (their input side: what a client sends). */
function queryParameters(): JsonSchema[] {
  const fields = Object.entries(ZDirectoryQuery.shape).map(([name, field]) => {
    const schema = withoutDialect(z.toJSONSchema(field, { target: "draft-2020-12", io: "input" }) as JsonSchema);
    const { description, ...rest } = schema;
    const isList = rest.type === "array";
    return {
      name,
      in: "query",
      required: false,
      description,
      schema: rest,
      ...(isList ? { style: "form", explode: true } : {}),
    };
  });
  return [...fields, langParameter()];
}

function langParameter(): JsonSchema {
  const { description, ...schema } = withoutDialect(z.toJSONSchema(ZApiLang, { target: "draft-2020-12", io: "input" }) as JsonSchema);
  return { name: "lang", in: "query", required: false, description, schema };
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName) => ({ "application/json": { schema: ref(name) } });

const errorResponses = {
  "429": {
    description: `Too many requests (more than ${API_RATE_LIMIT.points} a minute from one address).`,
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer", minimum: 1 } } },
    content: json("Error"),
  },
  "500": { description: "Unexpected server error.", content: json("Error") },
  "503": {
    description: "The service is briefly unavailable (its database is restarting): try again after Retry-After seconds.",
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer", minimum: 1 } } },
    content: json("Error"),
  },
};

export function buildOpenApiDocument(options: { serverUrl: string }): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Covalent public directory API",
      version: "1.0.0",
      description:
        "Read-only access to the published cluster organisations of the Covalent directory. " +
        `No authentication; CORS is open for GET; each address may make ${API_RATE_LIMIT.points} requests a minute (a CSV export counts as ${CSV_EXPORT_COST}). ` +
        'Errors always have the shape {"error": {"code", "message"}}. Filter values that are not understood are ignored, never an error.',
    },
    servers: [{ url: options.serverUrl }],
    paths: {
      "/api/v1/clusters": {
        get: {
          operationId: "listClusters",
          summary: "Search and filter the directory",
          description:
            "One page of published clusters with the total and facet counts. Filters: AND across kinds, OR within a kind.",
          parameters: queryParameters(),
          responses: {
            "200": { description: "A page of the directory.", content: json("DirectoryPage") },
            ...errorResponses,
          },
        },
      },
      "/api/v1/clusters/{slug}": {
        get: {
          operationId: "getCluster",
          summary: "One published cluster",
          parameters: [
            { name: "slug", in: "path", required: true, description: "The cluster's slug, as in its page URL.", schema: { type: "string", maxLength: 100 } },
            langParameter(),
          ],
          responses: {
            "200": { description: "The cluster's public profile.", content: json("DirectoryEntry") },
            "404": { description: "No published cluster has this slug.", content: json("Error") },
            ...errorResponses,
          },
        },
      },
      "/api/v1/clusters/export.csv": {
        get: {
          operationId: "exportClusters",
          summary: "The filtered directory as CSV",
          description: `All matching clusters in the chosen order (at most ${MAX_EXPORT_ROWS.toLocaleString("en")}; page and perPage are ignored), as UTF-8 CSV with a byte-order mark. Text cells that a spreadsheet would run as a formula start with an apostrophe.`,
          parameters: queryParameters().filter((p) => p.name !== "page" && p.name !== "perPage"),
          responses: {
            "200": { description: "CSV, one row per cluster, with a header row.", content: { "text/csv": { schema: { type: "string" } } } },
            ...errorResponses,
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}

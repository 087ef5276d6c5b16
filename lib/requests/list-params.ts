import type { RequestKind, RequestStatus } from "@/lib/db/generated/enums";
import { REQUEST_BOXES, REQUEST_KINDS, REQUEST_STATUSES, type RequestBox } from "./schemas";

/** Columns the requests table can sort by (the server refuses anything else). */
export const REQUEST_SORTS = ["lastActivity", "createdAt", "subject", "organization", "kind", "status"] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];
export const DEFAULT_REQUEST_SORT = { id: "lastActivity", desc: true } as const satisfies { id: RequestSort; desc: boolean };

export type RequestFilters = { box: RequestBox; status?: RequestStatus; kind?: RequestKind; country?: string };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return raw !== undefined && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/**
 * The box and filters of /o/[slug]/requests from its URL
 * (`?box=sent&status=OPEN&kind=EVENT&country=FR`). Anything unknown is
 * ignored, so a stale or hand-edited URL still shows a sensible list.
 */
export function parseRequestFilters(params: Params): RequestFilters {
  const country = first(params, "country")?.toUpperCase();
  return {
    box: oneOf(REQUEST_BOXES, first(params, "box")) ?? "inbox",
    status: oneOf(REQUEST_STATUSES, first(params, "status")),
    kind: oneOf(REQUEST_KINDS, first(params, "kind")),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
}

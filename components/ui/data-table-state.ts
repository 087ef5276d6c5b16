// URL state of a server-paginated, server-sorted table: `?page=2&perPage=50&sort=name.asc`.
// Pure functions, safe on the server (a page parses its searchParams with them
// before querying) and in the browser (DataTable builds its links with them).
// Every parser turns bad input into a safe default instead of throwing, so a
// hand-edited or stale URL still renders a sensible page.

export const PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;
export const DEFAULT_PER_PAGE = 20;
/** Beyond this the offset is absurd for any list we have; also keeps OFFSET within int range. */
export const MAX_PAGE = 100_000;

export type SortDirection = "asc" | "desc";

export interface TableSort<TId extends string = string> {
  id: TId;
  desc: boolean;
}

export interface TableUrlState<TId extends string = string> {
  /** 1-based. */
  page: number;
  perPage: number;
  sort: TableSort<TId> | null;
}

export interface TableStateOptions<TId extends string = string> {
  /**
   * Column ids the server can sort by. Pass it on the server: it is what keeps
   * `?sort=passwordHash.asc` from reaching an ORDER BY. Without it any
   * well-formed id is accepted (fine for building links in the browser).
   */
  sortable?: readonly TId[];
  /** Used when the URL has no (valid) sort; omitted from URLs it builds. */
  defaultSort?: TableSort<TId> | null;
  perPageOptions?: readonly number[];
  defaultPerPage?: number;
}

export type SearchParamsInput =
  | URLSearchParams
  | Record<string, string | string[] | undefined>
  | null
  | undefined;

export const TABLE_PARAM_KEYS = { page: "page", perPage: "perPage", sort: "sort" } as const;

const SORT_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

function first(params: SearchParamsInput, key: string): string | undefined {
  if (!params) return undefined;
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** A finite number from a query value, or NaN. Accepts "3", " 3 ", "1e9"; rejects "", "abc", "Infinity". */
function toNumber(raw: string | undefined | null): number {
  if (raw === undefined || raw === null || raw.trim() === "" || raw.length > 32) return NaN;
  const n = Number(raw);
  return Number.isFinite(n) ? n : NaN;
}

export function parsePage(raw: string | undefined | null): number {
  const n = toNumber(raw);
  if (Number.isNaN(n) || n < 1) return 1;
  return Math.min(Math.floor(n), MAX_PAGE);
}

export function parsePerPage(
  raw: string | undefined | null,
  options: Pick<TableStateOptions, "perPageOptions" | "defaultPerPage"> = {},
): number {
  const allowed = options.perPageOptions ?? PER_PAGE_OPTIONS;
  const fallback = options.defaultPerPage ?? DEFAULT_PER_PAGE;
  const perPage = toNumber(raw);
  if (Number.isNaN(perPage) || perPage < 1) return fallback;
  if (allowed.includes(perPage)) return perPage;
  // Asking for more than we serve gets the most we serve, not the default.
  const largest = Math.max(...allowed);
  return perPage > largest ? largest : fallback;
}

/** "name.asc" → { id: "name", desc: false }. Column ids may contain dots; the direction is after the last one. */
export function parseSort<TId extends string = string>(
  raw: string | undefined | null,
  options: Pick<TableStateOptions<TId>, "sortable" | "defaultSort"> = {},
): TableSort<TId> | null {
  const fallback = options.defaultSort ?? null;
  if (!raw) return fallback;
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) return fallback;
  const id = raw.slice(0, dot);
  const direction = raw.slice(dot + 1).toLowerCase();
  if (direction !== "asc" && direction !== "desc") return fallback;
  if (!SORT_ID.test(id)) return fallback;
  if (options.sortable && !(options.sortable as readonly string[]).includes(id)) return fallback;
  return { id: id as TId, desc: direction === "desc" };
}

export function serializeSort(sort: TableSort | null | undefined): string | undefined {
  return sort ? `${sort.id}.${sort.desc ? "desc" : "asc"}` : undefined;
}

export function parseTableState<TId extends string = string>(
  params: SearchParamsInput,
  options: TableStateOptions<TId> = {},
): TableUrlState<TId> {
  return {
    page: parsePage(first(params, TABLE_PARAM_KEYS.page)),
    perPage: parsePerPage(first(params, TABLE_PARAM_KEYS.perPage), options),
    sort: parseSort(first(params, TABLE_PARAM_KEYS.sort), options),
  };
}

function sameSort(a: TableSort | null | undefined, b: TableSort | null | undefined): boolean {
  return (a ?? null) === (b ?? null) || (!!a && !!b && a.id === b.id && a.desc === b.desc);
}

function toURLSearchParams(params: SearchParamsInput): URLSearchParams {
  if (!params) return new URLSearchParams();
  if (params instanceof URLSearchParams) return new URLSearchParams(params);
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, v);
  }
  return out;
}

/**
 * Returns a copy of `current` with the table's keys replaced by `state`,
 * keeping every other parameter (search text, filters). Defaults are left
 * out so the plain URL and the explicit one are the same page for caches and
 * for people sharing links.
 */
export function serializeTableState(
  state: TableUrlState,
  current?: SearchParamsInput,
  options: Pick<TableStateOptions, "defaultSort" | "defaultPerPage"> = {},
): URLSearchParams {
  const params = toURLSearchParams(current);
  const { page, perPage, sort } = TABLE_PARAM_KEYS;
  params.delete(page);
  params.delete(perPage);
  params.delete(sort);
  if (state.page > 1) params.set(page, String(state.page));
  if (state.perPage !== (options.defaultPerPage ?? DEFAULT_PER_PAGE)) params.set(perPage, String(state.perPage));
  if (!sameSort(state.sort, options.defaultSort)) {
    // Sorting removed while a default exists cannot be expressed by omission;
    // the default then applies, which is what the server does anyway.
    const value = serializeSort(state.sort);
    if (value) params.set(sort, value);
  }
  return params;
}

/**
 * The href for `pathname` with the table state changed by `patch`. Changing
 * the sort or page size goes back to page 1: the old page number would point
 * at unrelated rows.
 */
export function tableHref(
  pathname: string,
  current: SearchParamsInput,
  patch: Partial<TableUrlState>,
  options: TableStateOptions = {},
): string {
  const state = parseTableState(current, options);
  const resetsPage =
    ("sort" in patch && !sameSort(patch.sort ?? null, state.sort)) ||
    (patch.perPage !== undefined && patch.perPage !== state.perPage);
  const next: TableUrlState = {
    ...state,
    ...patch,
    page: patch.page ?? (resetsPage ? 1 : state.page),
  };
  next.page = Math.min(Math.max(1, Math.trunc(next.page)), MAX_PAGE);
  const query = serializeTableState(next, current, options).toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** Prisma-style window for a page: `findMany({ ...toSkipTake(state) })`. */
export function toSkipTake(state: Pick<TableUrlState, "page" | "perPage">): { skip: number; take: number } {
  return { skip: (state.page - 1) * state.perPage, take: state.perPage };
}

/** Number of pages for `total` rows, at least 1 so "page 1 of 1" reads right for an empty list. */
export function countPages(total: number, perPage: number): number {
  if (!Number.isFinite(total) || total <= 0 || perPage <= 0) return 1;
  return Math.ceil(total / perPage);
}

"use client";

import {
  createColumnHelper,
  functionalUpdate,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useTransition,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
} from "react";

import { cn } from "@/lib/utils/cn";
import { buttonClasses } from "./button";
import {
  PER_PAGE_OPTIONS,
  TABLE_PARAM_KEYS,
  parseSort,
  tableHref,
  type TableSort,
  type TableStateOptions,
} from "./data-table-state";
import { EmptyState } from "./empty-state";

export interface DataTableColumnMeta {
  /** Text alignment of the header and cells; "end" for numbers. */
  align?: "start" | "end";
  /** Extra classes on this column's cells (e.g. "w-1/3", "hidden md:table-cell"). */
  className?: string;
}

// Only sorting and pagination are registered: both are done by the server
// (manualSorting/manualPagination), so no client row models are needed.
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous column value types, as helper.columns() returns
export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * Column helper bound to the DataTable's features. Define columns at module
 * scope in a client file (they hold render functions, so a server page can't
 * pass them), and opt each server-sortable column in with `enableSorting: true`:
 *
 *   const col = createDataTableColumnHelper<ClusterRow>();
 *   export const columns = col.columns([
 *     col.accessor("name", { header: () => t("name"), enableSorting: true }),
 *     col.accessor("members", { header: "Members", meta: { align: "end" } }),
 *   ]);
 */
export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

export interface DataTableProps<TData extends RowData> {
  /** Stable reference (module scope or useMemo): a new array each render rebuilds the table. */
  columns: ReadonlyArray<DataTableColumnDef<TData>>;
  /** The current page's rows, already sorted and sliced by the server. */
  data: TData[];
  total: number;
  /** 1-based, as parsed by parseTableState on the server. */
  page: number;
  perPage: number;
  totalPages: number;
  /** The sort the server applied; defaults to the URL's `sort`. */
  sort?: TableSort | null;
  /** The server's default order, if any: shown as sorted and left out of URLs. */
  defaultSort?: TableSort | null;
  perPageOptions?: readonly number[];
  defaultPerPage?: number;
  /** Shown instead of the table when there are no rows at all. */
  emptyState?: ReactNode;
  /** Accessible name of the table (visually hidden). */
  caption: string;
  getRowId?: (row: TData, index: number) => string;
  className?: string;
}

const emptySorting: SortingState = [];

/**
 * A server-driven table: the server reads `page`, `perPage` and `sort` from
 * the URL (parseTableState), queries one page and renders this with the
 * result. Sorting and paging here only change the URL, so a link reproduces
 * the view and the back button steps through it. Other search params
 * (search text, filters) are kept.
 */
export function DataTable<TData extends RowData>({
  columns,
  data,
  total,
  page,
  perPage,
  totalPages,
  sort: sortProp,
  defaultSort = null,
  perPageOptions = PER_PAGE_OPTIONS,
  defaultPerPage,
  emptyState,
  caption,
  getRowId,
  className,
}: DataTableProps<TData>) {
  const t = useTranslations("DataTable");
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const containerRef = useRef<HTMLDivElement>(null);
  const perPageSelectId = useId();

  const stateOptions: TableStateOptions = { defaultSort, perPageOptions, defaultPerPage };
  const sort = sortProp !== undefined ? sortProp : parseSort(searchParams.get(TABLE_PARAM_KEYS.sort), { defaultSort });
  const sortId = sort?.id;
  const sortDesc = sort?.desc;
  const lastPage = Math.max(1, totalPages);

  const sorting = useMemo<SortingState>(
    () => (sortId === undefined ? emptySorting : [{ id: sortId, desc: sortDesc ?? false }]),
    [sortId, sortDesc],
  );
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: page - 1, pageSize: perPage }), [page, perPage]);

  const hrefFor = (patch: Parameters<typeof tableHref>[2]) => tableHref(pathname, searchParams, patch, stateOptions);

  const navigate = (href: string) => {
    startTransition(() => {
      router.push(href, { scroll: false });
    });
  };

  const table = useTable({
    features: dataTableFeatures,
    columns: columns as Array<DataTableColumnDef<TData>>,
    data,
    getRowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    pageCount: lastPage,
    enableMultiSort: false,
    // With a default order, "unsorted" would just be the default again.
    enableSortingRemoval: defaultSort === null,
    // The server decides what it can sort by; columns opt in.
    defaultColumn: { enableSorting: false },
    state: { sorting, pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      navigate(hrefFor({ sort: next ? { id: next.id, desc: next.desc } : null }));
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      navigate(hrefFor({ page: next.pageIndex + 1, perPage: next.pageSize }));
    },
  });

  // After moving to another page from the pager below the table, bring the
  // top of the new rows into view.
  const previousPage = useRef(page);
  useEffect(() => {
    if (previousPage.current !== page) {
      previousPage.current = page;
      const top = containerRef.current?.getBoundingClientRect().top;
      if (top !== undefined && top < 0) containerRef.current?.scrollIntoView({ block: "start" });
    }
  }, [page]);

  // Links work without JavaScript; with it, navigate inside a transition so
  // the table can show it is updating.
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(event.currentTarget.getAttribute("href") ?? pathname);
  };

  const onPerPageSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get(TABLE_PARAM_KEYS.perPage));
    // Straight to the URL (page 1) rather than table.setPageSize, which would
    // keep the current top row and land on an arbitrary page.
    if (Number.isFinite(value)) navigate(hrefFor({ perPage: value }));
  };

  const isOutOfRange = total > 0 && page > lastPage;
  const isEmpty = total === 0 && data.length === 0;
  const from = data.length === 0 ? 0 : (page - 1) * perPage + 1;
  const to = data.length === 0 ? 0 : from + data.length - 1;

  if (isEmpty && page <= 1) {
    return <div className={className}>{emptyState ?? <EmptyState />}</div>;
  }

  if (isOutOfRange || (isEmpty && page > 1)) {
    return (
      <div className={className}>
        <EmptyState
          title={t("pageOutOfRangeTitle", { page: format.number(page) })}
          description={t("pageOutOfRangeDescription", { totalPages: lastPage })}
          action={
            <Link href={hrefFor({ page: 1 })} onClick={onLinkClick} className={buttonClasses({ variant: "secondary" })}>
              {t("firstPage")}
            </Link>
          }
        />
      </div>
    );
  }

  const hiddenParams = [...searchParams.entries()].filter(
    ([key]) => key !== TABLE_PARAM_KEYS.page && key !== TABLE_PARAM_KEYS.perPage,
  );

  return (
    <div className={cn("flex flex-col gap-3", className)}>
      <div
        ref={containerRef}
        // Focusable so keyboard users can scroll a table wider than the screen.
        tabIndex={0}
        role="region"
        aria-label={caption}
        className={cn(
          "relative scroll-mt-4 overflow-x-auto rounded-card border border-line bg-surface shadow-xs",
          "focus-visible:outline-2 focus-visible:outline-offset-2",
        )}
      >
        {isPending ? (
          <div aria-hidden="true" className="absolute inset-x-0 top-0 h-0.5 overflow-hidden">
            <div className="h-full w-1/3 animate-pulse bg-brand-500" />
          </div>
        ) : null}
        <table aria-busy={isPending || undefined} className="w-full border-collapse text-start text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-line bg-canvas">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const column = header.column;
                  const meta = column.columnDef.meta;
                  const canSort = column.getCanSort();
                  const sorted = column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      aria-sort={
                        canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined
                      }
                      className={cn(
                        "px-4 py-2.5 font-semibold whitespace-nowrap text-muted",
                        meta?.align === "end" ? "text-end" : "text-start",
                        meta?.className,
                      )}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className={cn(
                            "-mx-2 inline-flex items-center gap-1.5 rounded-md px-2 py-1 font-semibold",
                            "hover:bg-brand-50 hover:text-brand-800",
                            sorted ? "text-ink" : "text-muted",
                            meta?.align === "end" && "flex-row-reverse",
                          )}
                        >
                          <table.FlexRender header={header} />
                          <SortIcon direction={sorted} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={cn("divide-y divide-line transition-opacity", isPending && "opacity-60")}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-brand-50/40">
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <td
                      key={cell.id}
                      className={cn(
                        "px-4 py-3 align-top text-ink",
                        meta?.align === "end" ? "text-end tabular-nums" : "text-start",
                        meta?.className,
                      )}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <nav
        aria-label={t("paginationLabel")}
        className="flex flex-col gap-3 text-sm text-muted sm:flex-row sm:items-center sm:justify-between"
      >
        <p>
          {t("range", {
            from: format.number(from),
            to: format.number(to),
            total: format.number(total),
          })}
        </p>

        <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
          <form method="get" action={pathname} onSubmit={onPerPageSubmit} className="flex items-center gap-2">
            {hiddenParams.map(([key, value], index) => (
              <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
            ))}
            <label htmlFor={perPageSelectId} className="whitespace-nowrap">
              {t("rowsPerPage")}
            </label>
            <select
              id={perPageSelectId}
              name={TABLE_PARAM_KEYS.perPage}
              value={perPage}
              onChange={(event) => event.currentTarget.form?.requestSubmit()}
              className={cn(
                "h-9 rounded-lg border border-line-strong bg-surface ps-2 pe-7 text-sm text-ink",
                "hover:border-brand-400 focus-visible:outline-2 focus-visible:outline-brand-600",
              )}
            >
              {perPageOptions.map((option) => (
                <option key={option} value={option}>
                  {format.number(option)}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                {t("apply")}
              </button>
            </noscript>
          </form>

          <div className="flex items-center gap-2">
            <PagerLink
              href={page > 1 ? hrefFor({ page: page - 1 }) : undefined}
              onClick={onLinkClick}
              rel="prev"
              label={t("previousPage")}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 rtl:rotate-180">
                <path
                  fillRule="evenodd"
                  d="M11.78 5.22a.75.75 0 0 1 0 1.06L8.06 10l3.72 3.72a.75.75 0 1 1-1.06 1.06l-4.25-4.25a.75.75 0 0 1 0-1.06l4.25-4.25a.75.75 0 0 1 1.06 0Z"
                  clipRule="evenodd"
                />
              </svg>
              <span>{t("previous")}</span>
            </PagerLink>
            <span aria-live="polite" aria-atomic="true" className="px-1 whitespace-nowrap text-ink">
              {t("pageOf", { page: format.number(page), totalPages: format.number(lastPage) })}
            </span>
            <PagerLink
              href={page < lastPage ? hrefFor({ page: page + 1 }) : undefined}
              onClick={onLinkClick}
              rel="next"
              label={t("nextPage")}
            >
              <span>{t("next")}</span>
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 rtl:rotate-180">
                <path
                  fillRule="evenodd"
                  d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z"
                  clipRule="evenodd"
                />
              </svg>
            </PagerLink>
          </div>
        </div>
      </nav>
      {isPending ? (
        <p role="status" className="sr-only">
          {t("loading")}
        </p>
      ) : null}
    </div>
  );
}

function PagerLink({
  href,
  onClick,
  rel,
  label,
  children,
}: {
  href: string | undefined;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
  rel: "prev" | "next";
  label: string;
  children: ReactNode;
}) {
  const classes = buttonClasses({ variant: "secondary", size: "sm" });
  if (!href) {
    // A link with no destination is not a link: a disabled control, skipped by Tab.
    return (
      <span aria-disabled="true" aria-label={label} role="link" className={classes}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} aria-label={label} onClick={onClick} scroll={false} className={classes}>
      {children}
    </Link>
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0">
      {direction === "asc" ? (
        <path
          fillRule="evenodd"
          d="M10 5a.75.75 0 0 1 .53.22l4 4a.75.75 0 1 1-1.06 1.06L10.75 7.56v7.69a.75.75 0 0 1-1.5 0V7.56L6.53 10.28a.75.75 0 0 1-1.06-1.06l4-4A.75.75 0 0 1 10 5Z"
          clipRule="evenodd"
        />
      ) : direction === "desc" ? (
        <path
          fillRule="evenodd"
          d="M10 15a.75.75 0 0 1-.53-.22l-4-4a.75.75 0 1 1 1.06-1.06l2.72 2.72V4.75a.75.75 0 0 1 1.5 0v7.69l2.72-2.72a.75.75 0 1 1 1.06 1.06l-4 4A.75.75 0 0 1 10 15Z"
          clipRule="evenodd"
        />
      ) : (
        <path
          className="opacity-50"
          fillRule="evenodd"
          d="M10 3a.75.75 0 0 1 .55.24l3.25 3.5a.75.75 0 1 1-1.1 1.02L10 4.85 7.3 7.76a.75.75 0 0 1-1.1-1.02l3.25-3.5A.75.75 0 0 1 10 3Zm-3.76 9.2a.75.75 0 0 1 1.06.04l2.7 2.91 2.7-2.9a.75.75 0 1 1 1.1 1.02l-3.25 3.5a.75.75 0 0 1-1.1 0l-3.25-3.5a.75.75 0 0 1 .04-1.06Z"
          clipRule="evenodd"
        />
      )}
    </svg>
  );
}

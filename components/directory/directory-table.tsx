"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";

import { DataTable, createDataTableColumnHelper } from "@/components/ui/data-table";
import type { DirectoryTableRow } from "./directory-table-row";
import { formatCount } from "./number-format";

const col = createDataTableColumnHelper<DirectoryTableRow>();

// The ecosystem chips' look, set once on their list.
const CHIP_LIST_CLASSES =
  "flex min-w-40 flex-wrap gap-1 [&>li]:rounded-full [&>li]:border [&>li]:border-brand-200 [&>li]:bg-brand-50 [&>li]:px-2 [&>li]:py-0.5 [&>li]:text-xs [&>li]:text-brand-900";

const labelTone = {
  GOLD: "border-yellow-300 bg-yellow-50 text-yellow-900",
  SILVER: "border-slate-300 bg-slate-50 text-slate-800",
  BRONZE: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/**
 * The results as the project's DataTable. Paging is in the URL (page,
 * perPage); the order is the directory's own `sort` (the select above the
 * table), so no column sorts by itself.
 */
export function DirectoryTable({
  data,
  total,
  page,
  perPage,
  totalPages,
  ecosystemLabels,
  emptyState,
}: {
  data: DirectoryTableRow[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  /** Ecosystem code → label in the user's language. */
  ecosystemLabels: Record<string, string>;
  /** Only needed (and only passed, to keep it out of the page's payload) when the page has no rows. */
  emptyState?: ReactNode;
}) {
  const t = useTranslations("Directory");
  const locale = useLocale();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", {
          header: () => t("columnName"),
          cell: ({ row }) => (
            <div className="flex min-w-40 flex-col gap-0.5 sm:min-w-48">
              <Link
                href={`/clusters/${row.original.slug}`}
                className="font-medium text-brand-800 underline-offset-2 hover:text-brand-950 hover:underline"
              >
                {row.original.name}
              </Link>
              {row.original.acronym ? <span className="text-xs text-muted">{row.original.acronym}</span> : null}
            </div>
          ),
        }),
        col.accessor("countryName", {
          header: () => t("columnCountry"),
          cell: ({ row }) => (
            <span className="whitespace-nowrap" title={row.original.region ?? undefined}>
              {row.original.countryName}
            </span>
          ),
        }),
        col.accessor("ecosystems", {
          header: () => t("columnEcosystems"),
          cell: ({ getValue }) => (
            <ul className={CHIP_LIST_CLASSES}>
              {getValue().map((code) => (
                <li key={code}>{ecosystemLabels[code] ?? code}</li>
              ))}
            </ul>
          ),
          meta: { className: "hidden md:table-cell" },
        }),
        col.accessor("membersTotal", {
          header: () => t("columnMembers"),
          cell: ({ getValue }) => formatCount(locale, getValue()),
          meta: { align: "end" },
        }),
        col.accessor("label", {
          header: () => t("columnLabel"),
          cell: ({ getValue }) => {
            const label = getValue();
            return label === "NONE" ? (
              <span className="text-muted">
                <span aria-hidden="true">—</span>
                <span className="sr-only">{t("label.NONE")}</span>
              </span>
            ) : (
              <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${labelTone[label]}`}>
                {t(`label.${label}`)}
              </span>
            );
          },
          meta: { className: "hidden sm:table-cell" },
        }),
      ]),
    [t, locale, ecosystemLabels],
  );

  return (
    <DataTable
      caption={t("tableCaption")}
      columns={columns}
      data={data}
      total={total}
      page={page}
      perPage={perPage}
      totalPages={totalPages}
      sort={null}
      getRowId={(row) => row.slug}
      emptyState={emptyState}
    />
  );
}

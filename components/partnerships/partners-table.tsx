"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";

import { DataTable, createDataTableColumnHelper } from "@/components/ui/data-table";
import type { PartnerListItem } from "@/lib/partnerships/queries";
import { DEFAULT_PARTNER_SORT } from "@/lib/partnerships/schemas";
import { CountryLabel } from "./country-label";
import { TieBadge } from "./tie-badge";

const col = createDataTableColumnHelper<PartnerListItem>();

/** The partners, one page at a time; sorting and paging live in the URL, next to the filters. */
export function PartnersTable({
  orgSlug,
  orgName,
  emptyState,
  ...table
}: {
  orgSlug: string;
  orgName: string;
  data: PartnerListItem[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  sort: { id: string; desc: boolean } | null;
  emptyState: ReactNode;
}) {
  const t = useTranslations("Network");
  const ties = useTranslations("partnerships.ties");
  const format = useFormatter();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor((row) => row.partner.name, {
          id: "partner",
          header: () => t("columnPartner"),
          enableSorting: true,
          cell: ({ row }) => {
            const item = row.original;
            return (
              <div className="flex min-w-44 flex-col items-start gap-1">
                <Link
                  href={`/o/${orgSlug}/partnerships/${item.id}`}
                  className="font-medium text-brand-800 underline-offset-2 hover:text-brand-950 hover:underline"
                >
                  {item.partner.name}
                </Link>
                {!item.isActive ? (
                  <span className="rounded-full border border-line-strong bg-canvas px-2 py-0.5 text-xs text-muted">{t("ended")}</span>
                ) : item.proposal ? (
                  <span
                    className={
                      item.proposal.isByUs
                        ? "text-xs text-muted"
                        : "rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900"
                    }
                  >
                    {item.proposal.isByUs
                      ? t("proposalByUs", { tie: ties(item.proposal.tie) })
                      : t("proposalForUs", { tie: ties(item.proposal.tie) })}
                  </span>
                ) : null}
              </div>
            );
          },
        }),
        col.accessor((row) => row.partner.countryName, {
          id: "country",
          header: () => t("columnCountry"),
          enableSorting: true,
          cell: ({ row }) => <CountryLabel code={row.original.partner.country} name={row.original.partner.countryName} />,
        }),
        col.accessor("tie", {
          id: "tie",
          header: () => t("columnTie"),
          enableSorting: true,
          cell: ({ getValue }) => <TieBadge tie={getValue()} />,
        }),
        col.accessor("since", {
          id: "since",
          header: () => t("columnSince"),
          enableSorting: true,
          meta: { className: "hidden whitespace-nowrap sm:table-cell" },
          cell: ({ getValue }) => (
            <time dateTime={getValue().toISOString()}>{format.dateTime(getValue(), { dateStyle: "medium" })}</time>
          ),
        }),
        col.accessor("lastActivityAt", {
          id: "lastActivity",
          header: () => t("columnLastActivity"),
          enableSorting: true,
          meta: { className: "whitespace-nowrap" },
          cell: ({ getValue }) => (
            <time dateTime={getValue().toISOString()}>{format.dateTime(getValue(), { dateStyle: "medium" })}</time>
          ),
        }),
      ]),
    [t, ties, format, orgSlug],
  );

  return (
    <DataTable
      caption={t("tableCaption", { org: orgName })}
      columns={columns}
      getRowId={(row) => row.id}
      defaultSort={DEFAULT_PARTNER_SORT}
      emptyState={emptyState}
      {...table}
    />
  );
}

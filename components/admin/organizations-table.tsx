"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";

import { createDataTableColumnHelper } from "@/components/ui/data-table";
import type { AdminOrganizationRow } from "@/lib/admin/users";
import { AdminSearchTable } from "./admin-search-table";

const col = createDataTableColumnHelper<AdminOrganizationRow>();

export function OrganizationsTable({
  data,
  total,
  page,
  perPage,
  totalPages,
  query,
}: {
  data: AdminOrganizationRow[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  query: string;
}) {
  const t = useTranslations("AdminOrganizations");
  const format = useFormatter();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", {
          header: () => t("name"),
          cell: ({ getValue }) => <span className="font-medium text-ink">{getValue()}</span>,
        }),
        col.accessor("slug", {
          header: () => t("slug"),
          cell: ({ getValue }) => <code className="text-xs whitespace-nowrap text-muted">{getValue()}</code>,
        }),
        col.accessor("countryName", {
          header: () => t("country"),
          cell: ({ row }) => <span title={row.original.country}>{row.original.countryName}</span>,
        }),
        col.accessor("memberCount", {
          header: () => t("members"),
          cell: ({ getValue }) => format.number(getValue()),
          meta: { align: "end" },
        }),
        col.accessor("createdAt", {
          header: () => t("created"),
          cell: ({ getValue }) => <span className="whitespace-nowrap">{format.dateTime(getValue(), { dateStyle: "medium" })}</span>,
        }),
      ]),
    [t, format],
  );

  return (
    <AdminSearchTable
      caption={t("caption")}
      columns={columns}
      data={data}
      total={total}
      page={page}
      perPage={perPage}
      totalPages={totalPages}
      query={query}
      emptyTitle={t("emptyTitle")}
      noMatchesTitle={t("noMatchesTitle", { query })}
      noMatchesDescription={t("noMatchesDescription")}
    />
  );
}

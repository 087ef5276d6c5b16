"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";

import { DataTable, createDataTableColumnHelper } from "@/components/ui/data-table";
import type { TableSort } from "@/components/ui/data-table-state";
import type { RequestListRow } from "@/lib/requests/list-requests";
import type { RequestBox } from "@/lib/requests/schemas";
import { cn } from "@/lib/utils/cn";
import { RequestStatusBadge } from "./request-status-badge";

/** A row as the page passes it: the other side's country already named in the user's language. */
export type RequestTableRow = RequestListRow & { otherCountryName: string };

const col = createDataTableColumnHelper<RequestTableRow>();

export interface RequestsTableProps {
  org: { slug: string; name: string };
  box: RequestBox;
  data: RequestTableRow[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  sort: TableSort | null;
  defaultSort: TableSort;
  emptyState: ReactNode;
}

/** The inbox or sent box: unread rows are marked (bold, a dot and "New" for screen readers). */
export function RequestsTable({ org, box, emptyState, ...table }: RequestsTableProps) {
  const t = useTranslations("Requests");
  const kinds = useTranslations("requests.kinds");
  const format = useFormatter();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("subject", {
          id: "subject",
          header: () => t("subject"),
          enableSorting: true,
          meta: { className: "w-2/5 min-w-56" },
          cell: (info) => {
            const row = info.row.original;
            return (
              <span className="flex items-start gap-2">
                <span
                  aria-hidden="true"
                  className={cn("mt-1.5 size-2 shrink-0 rounded-full", row.isUnread ? "bg-brand-600" : "bg-transparent")}
                />
                <span className="flex min-w-0 flex-col">
                  <Link
                    href={`/o/${org.slug}/requests/${row.id}`}
                    className={cn("break-words text-brand-800 hover:underline", row.isUnread ? "font-semibold" : "font-medium")}
                  >
                    {row.isUnread ? <span className="sr-only">{t("unreadLabel")}: </span> : null}
                    {row.subject}
                  </Link>
                  {row.isUnread ? (
                    <span className="mt-0.5 w-fit rounded bg-brand-50 px-1.5 text-xs font-semibold text-brand-800" aria-hidden="true">
                      {t("new")}
                    </span>
                  ) : null}
                </span>
              </span>
            );
          },
        }),
        col.accessor((row) => row.other.name, {
          id: "organization",
          header: () => (box === "inbox" ? t("from") : t("to")),
          enableSorting: true,
          cell: (info) => (
            <span className="flex flex-col">
              <Link href={`/clusters/${info.row.original.other.slug}`} className="font-medium hover:underline">
                {info.getValue()}
              </Link>
              <span className="text-xs text-muted">{info.row.original.otherCountryName}</span>
            </span>
          ),
        }),
        col.accessor("kind", {
          id: "kind",
          header: () => t("kind"),
          enableSorting: true,
          meta: { className: "hidden md:table-cell" },
          cell: (info) => kinds(info.getValue()),
        }),
        col.accessor("status", {
          id: "status",
          header: () => t("status"),
          enableSorting: true,
          cell: (info) => <RequestStatusBadge status={info.getValue()} />,
        }),
        col.accessor("lastActivityAt", {
          id: "lastActivity",
          header: () => t("lastActivity"),
          enableSorting: true,
          meta: { className: "hidden whitespace-nowrap sm:table-cell" },
          cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium", timeStyle: "short" }),
        }),
        col.accessor("createdAt", {
          id: "createdAt",
          header: () => t("sentOn"),
          enableSorting: true,
          meta: { className: "hidden whitespace-nowrap lg:table-cell" },
          cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
        }),
      ]),
    [t, kinds, format, org.slug, box],
  );

  return (
    <DataTable
      caption={box === "inbox" ? t("captionInbox", { org: org.name }) : t("captionSent", { org: org.name })}
      columns={columns}
      getRowId={(row) => row.id}
      emptyState={emptyState}
      {...table}
    />
  );
}

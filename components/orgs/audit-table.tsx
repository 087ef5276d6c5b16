"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";

import { DataTable, createDataTableColumnHelper } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { isRole, type Role } from "@/lib/auth/permissions";

export interface AuditRow {
  id: string;
  action: string;
  actorEmail: string | null;
  targetLabel: string | null;
  metadata: unknown;
  ip: string | null;
  createdAt: Date;
}

const col = createDataTableColumnHelper<AuditRow>();

/** "from → to" for a role change, read defensively: metadata is free-form JSON. */
function roleChange(metadata: unknown): { from: Role; to: Role } | null {
  if (typeof metadata !== "object" || metadata === null) return null;
  const { from, to } = metadata as { from?: unknown; to?: unknown };
  return isRole(from) && isRole(to) ? { from, to } : null;
}

export function AuditTable({
  orgName,
  ...table
}: {
  orgName: string;
  data: AuditRow[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
}) {
  const t = useTranslations("OrgAudit");
  const actions = useTranslations("AuditActions");
  const roles = useTranslations("orgs.roles");
  const format = useFormatter();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("createdAt", {
          id: "when",
          header: () => t("when"),
          meta: { className: "whitespace-nowrap" },
          cell: (info) => (
            <time dateTime={info.getValue().toISOString()}>
              {format.dateTime(info.getValue(), { dateStyle: "medium", timeStyle: "short" })}
            </time>
          ),
        }),
        col.accessor("actorEmail", {
          id: "who",
          header: () => t("who"),
          cell: (info) => <span className="break-all">{info.getValue() ?? t("unknownActor")}</span>,
        }),
        col.accessor("action", {
          id: "action",
          header: () => t("action"),
          // Unknown (newer) actions show their code rather than nothing.
          cell: (info) => (actions.has(info.getValue() as never) ? actions(info.getValue() as never) : info.getValue()),
        }),
        col.accessor("targetLabel", {
          id: "target",
          header: () => t("target"),
          cell: (info) => {
            const change = roleChange(info.row.original.metadata);
            return (
              <span className="flex flex-col">
                <span className="break-all">{info.getValue() ?? "—"}</span>
                {change ? (
                  <span className="text-xs text-muted">{t("roleChange", { from: roles(change.from), to: roles(change.to) })}</span>
                ) : null}
              </span>
            );
          },
        }),
        col.accessor("ip", {
          id: "ip",
          header: () => t("ip"),
          meta: { className: "hidden whitespace-nowrap font-mono text-xs md:table-cell" },
          cell: (info) => info.getValue() ?? "—",
        }),
      ]),
    [t, actions, roles, format],
  );

  return (
    <DataTable
      caption={t("caption", { org: orgName })}
      columns={columns}
      getRowId={(row) => row.id}
      emptyState={<EmptyState title={t("emptyTitle")} />}
      {...table}
    />
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";

import { DataTable, createDataTableColumnHelper } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { TableSort } from "@/components/ui/data-table-state";
import type { Role } from "@/lib/auth/permissions";
import { MemberRowActions } from "./member-row-actions";
import { RoleBadge } from "./role-badge";

export interface MemberRow {
  id: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string; email: string };
  isSelf: boolean;
  canChangeRole: boolean;
  canRemove: boolean;
  canTransferOwnership: boolean;
  canLeave: boolean;
}

const col = createDataTableColumnHelper<MemberRow>();

export interface MembersTableProps {
  org: { slug: string; name: string };
  data: MemberRow[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  sort: TableSort | null;
  assignableRoles: Role[];
}

export function MembersTable({ org, assignableRoles, ...table }: MembersTableProps) {
  const t = useTranslations("OrgMembers");
  const format = useFormatter();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor((row) => row.user.name, {
          id: "name",
          header: () => t("name"),
          enableSorting: true,
          cell: (info) => (
            <span className="flex flex-col">
              <span className="font-medium">
                {info.row.original.user.name}
                {info.row.original.isSelf ? <span className="ms-1.5 font-normal text-muted">({t("you")})</span> : null}
              </span>
              {/* Phones have no e-mail column: the address goes under the name. */}
              <span className="text-xs break-all text-muted md:hidden">{info.row.original.user.email}</span>
            </span>
          ),
        }),
        col.accessor((row) => row.user.email, {
          id: "email",
          header: () => t("email"),
          enableSorting: true,
          meta: { className: "hidden md:table-cell" },
          cell: (info) => <span className="break-all">{info.getValue()}</span>,
        }),
        col.accessor("role", {
          id: "role",
          header: () => t("role"),
          enableSorting: true,
          cell: (info) => <RoleBadge role={info.getValue()} />,
        }),
        col.accessor("createdAt", {
          id: "since",
          header: () => t("since"),
          enableSorting: true,
          meta: { className: "hidden whitespace-nowrap sm:table-cell" },
          cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
        }),
        col.display({
          id: "actions",
          header: () => <span className="sr-only">{t("actions")}</span>,
          meta: { align: "end" },
          cell: (info) => <MemberRowActions org={org} member={info.row.original} assignableRoles={assignableRoles} />,
        }),
      ]),
    [t, format, org, assignableRoles],
  );

  return (
    <DataTable
      caption={t("caption", { org: org.name })}
      columns={columns}
      getRowId={(row) => row.id}
      emptyState={<EmptyState title={t("emptyTitle")} />}
      {...table}
    />
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useRef, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { createDataTableColumnHelper } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { setUserSuspendedAction } from "@/lib/admin/actions";
import type { AdminUserRow } from "@/lib/admin/users";
import { AdminSearchTable } from "./admin-search-table";
import { StatusBadge } from "./status-badge";

const col = createDataTableColumnHelper<AdminUserRow>();

export function UsersTable({
  data,
  total,
  page,
  perPage,
  totalPages,
  query,
}: {
  data: AdminUserRow[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  query: string;
}) {
  const t = useTranslations("AdminUsers");
  const format = useFormatter();

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", {
          header: () => t("name"),
          cell: ({ row }) => (
            <span className="font-medium text-ink">
              {row.original.name}
              {row.original.isSelf ? <span className="ms-1 font-normal text-muted">({t("you")})</span> : null}
            </span>
          ),
        }),
        col.accessor("email", {
          header: () => t("email"),
          cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span>,
        }),
        col.accessor("isVerified", {
          header: () => t("verified"),
          cell: ({ getValue }) =>
            getValue() ? <StatusBadge tone="positive">{t("verifiedYes")}</StatusBadge> : <StatusBadge>{t("verifiedNo")}</StatusBadge>,
        }),
        col.accessor("organizationCount", {
          header: () => t("organizations"),
          cell: ({ getValue }) => format.number(getValue()),
          meta: { align: "end" },
        }),
        col.accessor("createdAt", {
          header: () => t("created"),
          cell: ({ getValue }) => <span className="whitespace-nowrap">{format.dateTime(getValue(), { dateStyle: "medium" })}</span>,
        }),
        col.accessor("isSuspended", {
          header: () => t("status"),
          cell: ({ row }) => (
            <span className="flex flex-wrap gap-1">
              {row.original.isSuspended ? (
                <StatusBadge tone="danger">{t("statusSuspended")}</StatusBadge>
              ) : (
                <StatusBadge tone="positive">{t("statusActive")}</StatusBadge>
              )}
              {row.original.isPlatformAdmin ? <StatusBadge tone="brand">{t("platformAdmin")}</StatusBadge> : null}
            </span>
          ),
        }),
        col.display({
          id: "actions",
          header: () => <span className="sr-only">{t("actions")}</span>,
          cell: ({ row }) => (row.original.isSelf ? null : <SuspendUserButton user={row.original} />),
          meta: { align: "end" },
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

/** Suspend or lift a suspension, after a confirmation dialog. */
function SuspendUserButton({ user }: { user: AdminUserRow }) {
  const t = useTranslations("AdminUsers");
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // A second click before React re-renders must not send a second request.
  const inFlight = useRef(false);
  const willSuspend = !user.isSuspended;

  const confirm = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    startTransition(async () => {
      try {
        const result = await setUserSuspendedAction({ userId: user.id, suspended: willSuspend });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setOpen(false);
        toast({ title: t(willSuspend ? "suspended" : "unsuspended", { name: user.name }), variant: "success" });
      } finally {
        inFlight.current = false;
      }
    });
  };

  return (
    <>
      <Button
        variant={willSuspend ? "secondary" : "ghost"}
        size="sm"
        aria-label={t(willSuspend ? "suspendLabel" : "unsuspendLabel", { name: user.name })}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t(willSuspend ? "suspend" : "unsuspend")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (!isPending) setOpen(next);
        }}
        isDismissible={!isPending}
        size="sm"
        // Rendered inside an end-aligned table cell: reset the inherited alignment.
        className="text-start whitespace-normal"
        title={t(willSuspend ? "suspendTitle" : "unsuspendTitle", { name: user.name })}
        description={t(willSuspend ? "suspendDescription" : "unsuspendDescription", { email: user.email })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button variant={willSuspend ? "danger" : "primary"} onClick={confirm} isLoading={isPending}>
              {t(willSuspend ? "confirmSuspend" : "confirmUnsuspend")}
            </Button>
          </>
        }
      >
        {error ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900">
            {error}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";

import { StatusBadge } from "@/components/admin/status-badge";
import { Button } from "@/components/ui/button";
import { DataTable, createDataTableColumnHelper } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import type { NotificationItem } from "@/lib/notifications/list-notifications";
import { NOTIFICATION_SETTINGS_PATH, NOTIFICATIONS_PATH } from "@/lib/notifications/notification-data";
import { cn } from "@/lib/utils/cn";
import { setUnreadCount } from "./unread-store";
import { useNotificationText } from "./use-notification-text";
import { useOpenNotification } from "./use-open-notification";

const col = createDataTableColumnHelper<NotificationItem>();

/** The full list of the user's notifications: all or unread only, paginated in the URL. */
export function NotificationsTable({
  data,
  total,
  page,
  perPage,
  totalPages,
  unreadOnly,
  unreadCount,
}: {
  data: NotificationItem[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  unreadOnly: boolean;
  unreadCount: number;
}) {
  const t = useTranslations("Notifications.page");
  const format = useFormatter();
  const router = useRouter();
  const { toast } = useToast();
  const text = useNotificationText();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const isMarkingAll = useRef(false);
  const [markingAll, setMarkingAll] = useState(false);
  const open = useOpenNotification();

  const markRead = async (id: string) => {
    if (pendingId) return;
    setPendingId(id);
    try {
      const result = await markNotificationReadAction({ notificationId: id }).catch(() => null);
      if (!result?.ok) {
        toast({ title: result?.error ?? t("markRead"), variant: "error" });
        return;
      }
      setUnreadCount(result.data.unread);
      router.refresh();
    } finally {
      setPendingId(null);
    }
  };

  const markAll = async () => {
    if (isMarkingAll.current) return;
    isMarkingAll.current = true;
    setMarkingAll(true);
    try {
      const result = await markAllNotificationsReadAction().catch(() => null);
      if (!result?.ok) {
        toast({ title: result?.error ?? t("markAllRead"), variant: "error" });
        return;
      }
      setUnreadCount(result.data.unread);
      toast({ title: t("allMarkedRead"), variant: "success" });
      router.refresh();
    } finally {
      isMarkingAll.current = false;
      setMarkingAll(false);
    }
  };

  const columns = useMemo(
    () =>
      col.columns([
        col.display({
          id: "notification",
          header: () => t("notification"),
          cell: ({ row }) => {
            const item = row.original;
            const isUnread = item.readAt === null;
            return (
              <a
                href={item.data.path}
                onClick={(event) => open(event, item)}
                className={cn("text-pretty hover:text-brand-800 hover:underline", isUnread ? "font-semibold text-ink" : "text-muted")}
              >
                {text(item)}
              </a>
            );
          },
          meta: { className: "min-w-64" },
        }),
        col.accessor("createdAt", {
          header: () => t("received"),
          cell: ({ getValue }) => (
            <time dateTime={new Date(getValue()).toISOString()} className="whitespace-nowrap text-muted">
              {format.dateTime(getValue(), { dateStyle: "medium", timeStyle: "short" })}
            </time>
          ),
        }),
        col.display({
          id: "status",
          header: () => t("status"),
          cell: ({ row }) => {
            const item = row.original;
            if (item.readAt !== null) return <StatusBadge>{t("statusRead")}</StatusBadge>;
            return (
              <span className="flex flex-wrap items-center gap-2">
                <StatusBadge tone="brand">{t("statusUnread")}</StatusBadge>
                <Button
                  variant="ghost"
                  size="sm"
                  isLoading={pendingId === item.id}
                  onClick={() => void markRead(item.id)}
                  aria-label={t("markReadLabel", { text: text(item) })}
                >
                  {t("markRead")}
                </Button>
              </span>
            );
          },
        }),
      ]),
    // markRead and open change every render; the cells read them through this closure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, format, text, pendingId],
  );

  const filters = [
    { href: NOTIFICATIONS_PATH, label: t("all"), isActive: !unreadOnly },
    { href: `${NOTIFICATIONS_PATH}?filter=unread`, label: t("unread"), isActive: unreadOnly },
  ];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("filterLabel")}>
          <ul className="flex gap-1 rounded-lg border border-line bg-canvas p-1">
            {filters.map((filter) => (
              <li key={filter.href}>
                <Link
                  href={filter.href}
                  aria-current={filter.isActive ? "page" : undefined}
                  className={cn(
                    "block rounded-md px-3 py-1.5 text-sm font-medium",
                    filter.isActive ? "bg-surface text-ink shadow-xs" : "text-muted hover:text-ink",
                  )}
                >
                  {filter.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={NOTIFICATION_SETTINGS_PATH} className="text-sm font-medium text-brand-700 hover:underline">
            {t("settingsLink")}
          </Link>
          {unreadCount > 0 ? (
            <Button variant="secondary" size="sm" isLoading={markingAll} onClick={() => void markAll()}>
              {t("markAllRead")}
            </Button>
          ) : null}
        </div>
      </div>
      <DataTable
        caption={t("caption")}
        columns={columns}
        data={data}
        total={total}
        page={page}
        perPage={perPage}
        totalPages={totalPages}
        getRowId={(row) => row.id}
        emptyState={
          unreadOnly ? (
            <EmptyState title={t("emptyUnreadTitle")} description={t("emptyUnreadDescription")} />
          ) : (
            <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
          )
        }
      />
    </div>
  );
}

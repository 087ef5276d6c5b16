"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { useDisclosure } from "@/components/layout/use-disclosure";
import { Spinner } from "@/components/ui/button";
import { listLatestNotificationsAction, markAllNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationItem } from "@/lib/notifications/list-notifications";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/notification-data";
import { cn } from "@/lib/utils/cn";
import { setUnreadCount, useUnreadCount } from "./unread-store";
import { useNotificationText } from "./use-notification-text";
import { useOpenNotification } from "./use-open-notification";

type PanelState = { status: "idle" | "loading" | "error" } | { status: "ready"; items: NotificationItem[] };

/**
 * The bell in the header: the unread count (counted by the server for the
 * page), and on opening a panel with the latest notices, loaded only then so
 * the header costs one count query. `unread` is an object on purpose: each
 * server render (a refresh after an action) sends a new one, which puts the
 * server's count back into the shared store even when the number is the same.
 */
export function NotificationBell({ unread }: { unread: { count: number } }) {
  const t = useTranslations("Notifications.bell");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  const text = useNotificationText();
  const count = useUnreadCount(unread.count);
  const { isOpen, close, containerProps, buttonProps, panelProps } = useDisclosure();
  const [panel, setPanel] = useState<PanelState>({ status: "idle" });
  const [isMarkingAll, setIsMarkingAll] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    setUnreadCount(unread.count);
  }, [unread]);

  const load = useCallback(async () => {
    const id = ++request.current;
    setPanel((current) => (current.status === "ready" ? current : { status: "loading" }));
    const result = await listLatestNotificationsAction().catch(() => null);
    if (id !== request.current) return; // a newer load answered first
    if (!result?.ok) {
      setPanel({ status: "error" });
      return;
    }
    setUnreadCount(result.data.unread);
    setPanel({ status: "ready", items: result.data.items });
  }, []);

  const open = useOpenNotification({ onOpen: () => close() });

  const markAll = async () => {
    if (isMarkingAll) return;
    setIsMarkingAll(true);
    try {
      const result = await markAllNotificationsReadAction().catch(() => null);
      if (!result?.ok) return;
      setUnreadCount(result.data.unread);
      const readAt = new Date();
      setPanel((current) =>
        current.status === "ready" ? { status: "ready", items: current.items.map((item) => ({ ...item, readAt: item.readAt ?? readAt })) } : current,
      );
      // The notifications page, if it is the one open, shows them read too.
      router.refresh();
    } finally {
      setIsMarkingAll(false);
    }
  };

  return (
    <div className="relative" {...containerProps}>
      <button
        {...buttonProps}
        onClick={() => {
          // Loaded on opening, fresh each time: the header itself only counts.
          if (!isOpen) void load();
          buttonProps.onClick();
        }}
        aria-label={t("label", { count })}
        className={cn(
          "relative inline-flex size-9 items-center justify-center rounded-lg text-ink hover:bg-brand-50",
          isOpen && "bg-brand-50",
        )}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-5">
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
          />
        </svg>
        {count > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -end-0.5 -top-0.5 flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-red-600 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-surface"
          >
            {count > 99 ? "99+" : format.number(count)}
          </span>
        ) : null}
      </button>

      <div
        {...panelProps}
        className="absolute end-0 top-full z-50 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-card border border-line bg-surface shadow-lg"
      >
        <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-2.5">
          <h2 className="text-sm font-semibold text-ink">{t("title")}</h2>
          {count > 0 ? (
            <button
              type="button"
              onClick={() => void markAll()}
              disabled={isMarkingAll}
              aria-busy={isMarkingAll || undefined}
              className="rounded-md px-1.5 py-1 text-end text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
            >
              {t("markAllRead")}
            </button>
          ) : null}
        </div>

        <div aria-live="polite" aria-busy={panel.status === "loading" || undefined}>
          {panel.status === "ready" ? (
            panel.items.length > 0 ? (
              <ul className="max-h-96 divide-y divide-line overflow-y-auto">
                {panel.items.map((item) => {
                  const isUnread = item.readAt === null;
                  return (
                    <li key={item.id}>
                      <a
                        href={item.data.path}
                        onClick={(event) => open(event, item)}
                        className={cn("flex gap-3 px-4 py-3 text-sm hover:bg-brand-50/60", isUnread ? "text-ink" : "text-muted")}
                      >
                        <span
                          aria-hidden="true"
                          className={cn("mt-1.5 size-2 shrink-0 rounded-full", isUnread ? "bg-brand-600" : "bg-transparent")}
                        />
                        <span className="flex min-w-0 flex-col gap-0.5">
                          <span className={cn("text-pretty", isUnread && "font-medium")}>
                            {text(item)}
                            {isUnread ? <span className="sr-only"> ({t("unread")})</span> : null}
                          </span>
                          <time dateTime={new Date(item.createdAt).toISOString()} className="text-xs text-muted">
                            {format.relativeTime(item.createdAt, now)}
                          </time>
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="px-4 py-6 text-center text-sm text-muted">{t("empty")}</p>
            )
          ) : panel.status === "error" ? (
            <p role="alert" className="px-4 py-6 text-center text-sm text-red-800">
              {t("loadFailed")}
            </p>
          ) : (
            <p className="flex items-center justify-center gap-2 px-4 py-6 text-sm text-muted">
              <Spinner />
              {t("loading")}
            </p>
          )}
        </div>

        <div className="border-t border-line p-1.5">
          <Link
            href={NOTIFICATIONS_PATH}
            onClick={() => close()}
            className="block rounded-lg px-3 py-2 text-center text-sm font-medium text-brand-700 hover:bg-brand-50/60"
          >
            {t("seeAll")}
          </Link>
        </div>
      </div>
    </div>
  );
}

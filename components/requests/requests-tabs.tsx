import Link from "next/link";
import { useTranslations } from "next-intl";

import type { RequestBox } from "@/lib/requests/schemas";
import { cn } from "@/lib/utils/cn";

/** Received / sent as two tabs (links: `?box=`), each with its unread count. Filters do not carry over between boxes. */
export function RequestsTabs({ orgSlug, box, unread }: { orgSlug: string; box: RequestBox; unread: { inbox: number; sent: number } }) {
  const t = useTranslations("Requests");
  const tabs: { box: RequestBox; label: string; href: string; count: number }[] = [
    { box: "inbox", label: t("inbox"), href: `/o/${orgSlug}/requests`, count: unread.inbox },
    { box: "sent", label: t("sent"), href: `/o/${orgSlug}/requests?box=sent`, count: unread.sent },
  ];
  return (
    <nav aria-label={t("tabsLabel")}>
      <ul className="inline-flex gap-1 rounded-lg border border-line bg-canvas p-1">
        {tabs.map((tab) => {
          const isCurrent = tab.box === box;
          return (
            <li key={tab.box}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center gap-2 rounded-md px-3 text-sm font-medium",
                  isCurrent ? "bg-surface text-ink shadow-xs" : "text-muted hover:text-ink",
                )}
              >
                {tab.label}
                {tab.count > 0 ? (
                  <span className="rounded-full bg-brand-700 px-1.5 py-px text-xs font-semibold text-white">
                    <span aria-hidden="true">{tab.count}</span>
                    <span className="sr-only">{t("unreadInTab", { count: tab.count })}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

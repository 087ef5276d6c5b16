import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { NotificationsTable } from "@/components/notifications/notifications-table";
import { parseTableState } from "@/components/ui/data-table-state";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/list-notifications";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Notifications.page");
  return { title: t("metaTitle") };
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const unreadOnly = params.filter === "unread";
  const user = await requireUser(unreadOnly ? "/notifications?filter=unread" : "/notifications");
  const { page, perPage } = parseTableState(params, { sortable: [] });
  const { unread, ...result } = await listNotifications({ page, perPage, unreadOnly }, { actor: user });
  const t = await getTranslations("Notifications.page");

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-10 sm:px-6 sm:py-14">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("lead")}</p>
      </header>
      <ClientMessages namespaces={["Notifications.page", "Notifications.kinds", "DataTable", "EmptyState"]}>
        <Suspense>
          <NotificationsTable {...result} unreadOnly={unreadOnly} unreadCount={unread} />
        </Suspense>
      </ClientMessages>
    </div>
  );
}

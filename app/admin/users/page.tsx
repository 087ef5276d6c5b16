import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { AdminSearchForm } from "@/components/admin/admin-search-form";
import { UsersTable } from "@/components/admin/users-table";
import { parseTableState } from "@/components/ui/data-table-state";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";
import { listUsers } from "@/lib/admin/users";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  return { title: t("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePlatformAdminPage();
  const params = await searchParams;
  const { page, perPage } = parseTableState(params);
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 200) : "";
  const result = await listUsers({ page, perPage, query }, { actor: user });
  const t = await getTranslations("AdminUsers");

  return (
    <>
      <AdminPageHeader title={t("title")} lead={t("lead")} />
      <AdminSearchForm
        action="/admin/users"
        query={query}
        perPage={typeof params.perPage === "string" ? params.perPage.slice(0, 8) : undefined}
        label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        submitLabel={t("search")}
        clearLabel={t("clearSearch")}
      />
      <Suspense>
        <UsersTable {...result} query={query} />
      </Suspense>
    </>
  );
}

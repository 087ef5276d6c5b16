import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { AdminSearchForm } from "@/components/admin/admin-search-form";
import { OrganizationsTable } from "@/components/admin/organizations-table";
import { parseTableState } from "@/components/ui/data-table-state";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";
import { listOrganizations } from "@/lib/admin/users";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminOrganizations");
  return { title: t("title") };
}

export default async function AdminOrganizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePlatformAdminPage();
  const params = await searchParams;
  const { page, perPage } = parseTableState(params);
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 200) : "";
  const locale = await getLocale();
  const result = await listOrganizations({ page, perPage, query, locale }, { actor: user });
  const t = await getTranslations("AdminOrganizations");

  return (
    <>
      <AdminPageHeader title={t("title")} lead={t("lead")} />
      <AdminSearchForm
        action="/admin/organizations"
        query={query}
        perPage={typeof params.perPage === "string" ? params.perPage.slice(0, 8) : undefined}
        label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        submitLabel={t("search")}
        clearLabel={t("clearSearch")}
      />
      <Suspense>
        <OrganizationsTable {...result} query={query} />
      </Suspense>
    </>
  );
}

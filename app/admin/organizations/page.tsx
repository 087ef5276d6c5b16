import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { AdminListPage, parseAdminListParams } from "@/components/admin/admin-list-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OrganizationsTable } from "@/components/admin/organizations-table";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";
import { listOrganizations } from "@/lib/admin/users";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminOrganizations");
  return { title: t("title") };
}

export default async function AdminOrganizationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePlatformAdminPage();
  const { page, perPage, query, perPageParam } = parseAdminListParams(await searchParams);
  const result = await listOrganizations({ page, perPage, query, locale: await getLocale() }, { actor: user });
  return (
    <AdminListPage namespace="AdminOrganizations" action="/admin/organizations" query={query} perPageParam={perPageParam}>
      <ClientMessages namespaces={["AdminOrganizations", "DataTable", "EmptyState"]}>
        <OrganizationsTable {...result} query={query} />
      </ClientMessages>
    </AdminListPage>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AdminListPage, parseAdminListParams } from "@/components/admin/admin-list-page";
import { ClientMessages } from "@/components/i18n/client-messages";
import { UsersTable } from "@/components/admin/users-table";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";
import { listUsers } from "@/lib/admin/users";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUsers");
  return { title: t("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePlatformAdminPage();
  const { page, perPage, query, perPageParam } = parseAdminListParams(await searchParams);
  const result = await listUsers({ page, perPage, query }, { actor: user });
  return (
    <AdminListPage namespace="AdminUsers" action="/admin/users" query={query} perPageParam={perPageParam}>
      <ClientMessages namespaces={["AdminUsers", "DataTable", "EmptyState", "Dialog"]}>
        <UsersTable {...result} query={query} />
      </ClientMessages>
    </AdminListPage>
  );
}

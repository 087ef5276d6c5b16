import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";

import { parseTableState } from "@/components/ui/data-table-state";
import { AdminPageHeader } from "./admin-page-header";
import { AdminSearchForm } from "./admin-search-form";

type SearchParams = Record<string, string | string[] | undefined>;

/** Page, page size and search text of an admin list, read from its URL. */
export function parseAdminListParams(params: SearchParams) {
  const { page, perPage } = parseTableState(params);
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 200) : "";
  const perPageParam = typeof params.perPage === "string" ? params.perPage.slice(0, 8) : undefined;
  return { page, perPage, query, perPageParam };
}

/** The frame of a searchable admin list: heading, search form, then the table. */
export async function AdminListPage({
  namespace,
  action,
  query,
  perPageParam,
  children,
}: {
  namespace: "AdminUsers" | "AdminOrganizations";
  action: string;
  query: string;
  perPageParam: string | undefined;
  children: ReactNode;
}) {
  const t = await getTranslations(namespace);
  return (
    <>
      <AdminPageHeader title={t("title")} lead={t("lead")} />
      <AdminSearchForm
        action={action}
        query={query}
        perPage={perPageParam}
        label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        submitLabel={t("search")}
        clearLabel={t("clearSearch")}
      />
      <Suspense>{children}</Suspense>
    </>
  );
}

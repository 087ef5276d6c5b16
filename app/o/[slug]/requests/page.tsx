import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/orgs/page-header";
import { RequestsFilters } from "@/components/requests/requests-filters";
import { RequestsTable } from "@/components/requests/requests-table";
import { RequestsTabs } from "@/components/requests/requests-tabs";
import { buttonClasses } from "@/components/ui/button";
import { parseTableState } from "@/components/ui/data-table-state";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/geo/countries";
import { loadOrNotFound } from "@/lib/orgs/page-errors";
import { getRequestsPage } from "@/lib/requests/list-requests";
import { DEFAULT_REQUEST_SORT, REQUEST_SORTS, parseRequestFilters } from "@/lib/requests/list-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Requests");
  return { title: t("metaTitle") };
}

/** The organisation's cooperation requests: received and sent as two tabs, filtered and sorted in the URL. */
export default async function RequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/requests`);
  const query = await searchParams;
  const filters = parseRequestFilters(query);
  const table = parseTableState(query, { sortable: REQUEST_SORTS, defaultSort: DEFAULT_REQUEST_SORT });
  const result = await loadOrNotFound(() => getRequestsPage({ orgSlug: slug, ...filters, ...table }, { actor: user }));
  const t = await getTranslations("Requests");
  const locale = await getLocale();
  const org = { slug: result.membership.organization.slug, name: result.membership.organization.name };
  const isFiltered = Boolean(filters.status || filters.kind || filters.country);
  // A country in the URL stays selectable even when no request of this box comes from it.
  const countryCodes = filters.country && !result.countries.includes(filters.country) ? [...result.countries, filters.country] : result.countries;
  const countries = countryCodes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));

  const emptyState = isFiltered ? (
    <EmptyState title={t("emptyFilteredTitle")} description={t("emptyFilteredDescription")} />
  ) : result.box === "inbox" ? (
    <EmptyState
      title={t("emptyInboxTitle")}
      description={t("emptyInboxDescription")}
      action={
        <Link href={`/o/${org.slug}/profile`} className={buttonClasses({ variant: "secondary" })}>
          {t("editProfile")}
        </Link>
      }
    />
  ) : (
    <EmptyState
      title={t("emptySentTitle")}
      description={t("emptySentDescription")}
      action={
        <Link href="/clusters" className={buttonClasses()}>
          {t("findPartners")}
        </Link>
      }
    />
  );

  return (
    <ClientMessages
      namespaces={[
        "Requests", "requests.kinds", "requests.statuses", "requests.kind", "requests.subject", "requests.message",
        "requests.reason", "requests.errors.invalidId", "Common", "DataTable", "EmptyState",
      ]}
    >
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="flex flex-col gap-4">
        <RequestsTabs orgSlug={org.slug} box={result.box} unread={result.unread} />
        <Suspense>
          <RequestsFilters box={result.box} countries={countries} values={filters} />
        </Suspense>
        <Suspense>
          <RequestsTable
            org={org}
            box={result.box}
            data={result.data.map((row) => ({ ...row, otherCountryName: countryName(row.other.country, locale) }))}
            total={result.total}
            page={result.page}
            perPage={result.perPage}
            totalPages={result.totalPages}
            sort={table.sort}
            defaultSort={DEFAULT_REQUEST_SORT}
            emptyState={emptyState}
          />
        </Suspense>
      </div>
    </ClientMessages>
  );
}

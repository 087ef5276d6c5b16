import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/orgs/page-header";
import { NetworkFilters } from "@/components/partnerships/network-filters";
import { NetworkPicture } from "@/components/partnerships/network-picture";
import { NetworkSummary } from "@/components/partnerships/network-summary";
import { PartnersTable } from "@/components/partnerships/partners-table";
import { buttonClasses } from "@/components/ui/button";
import { parseTableState } from "@/components/ui/data-table-state";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locale";
import { loadOrNotFound } from "@/lib/orgs/page-errors";
import { getNetworkPage } from "@/lib/partnerships/network-page";
import { DEFAULT_PARTNER_SORT, PARTNER_SORTS, parseNetworkFilters } from "@/lib/partnerships/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Network");
  return { title: t("metaTitle") };
}

/** "Our network": the partners in a table, a summary by tie and country, and a picture of the network. */
export default async function NetworkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/network`);
  const query = await searchParams;
  const table = parseTableState(query, { sortable: PARTNER_SORTS, defaultSort: DEFAULT_PARTNER_SORT });
  const filters = parseNetworkFilters(query);
  const requestLocale = await getLocale();
  const locale = isLocale(requestLocale) ? requestLocale : "en";
  const result = await loadOrNotFound(() => getNetworkPage({ orgSlug: slug, ...table, filters, locale }, { actor: user }));
  const t = await getTranslations("Network");
  const org = result.membership.organization;

  if (result.hasNoPartners) {
    return (
      <>
        <PageHeader title={t("title")} lead={t("lead", { org: org.name })} />
        <EmptyState
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          action={
            <>
              <Link href={`/o/${org.slug}/recommendations`} className={buttonClasses()}>
                {t("emptyRecommendations")}
              </Link>
              <Link href="/clusters" className={buttonClasses({ variant: "secondary" })}>
                {t("emptyDirectory")}
              </Link>
            </>
          }
        />
      </>
    );
  }

  return (
    <ClientMessages
      namespaces={[
        "Network", "partnerships.ties", "partnerships.description", "partnerships.reason", "partnerships.tie",
        "errors.notFound", "orgs.country", "Common", "DataTable", "EmptyState",
      ]}
    >
      <PageHeader title={t("title")} lead={t("lead", { org: org.name })} />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <NetworkSummary summary={result.summary} orgSlug={org.slug} />
        <section aria-labelledby="network-picture-title" className="flex flex-col gap-3 rounded-card border border-line bg-surface p-5 shadow-xs">
          <h2 id="network-picture-title" className="text-lg font-semibold text-ink">
            {t("pictureTitle")}
          </h2>
          <NetworkPicture summary={result.summary} />
        </section>
      </div>
      <Suspense>
        <div className="flex flex-col gap-4">
          <NetworkFilters filters={filters} countries={result.countries} />
          <PartnersTable
            orgSlug={org.slug}
            orgName={org.name}
            data={result.data}
            total={result.total}
            page={result.page}
            perPage={result.perPage}
            totalPages={result.totalPages}
            sort={table.sort}
            emptyState={<EmptyState title={t("noMatchTitle")} description={t("noMatchDescription")} />}
          />
        </div>
      </Suspense>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/orgs/page-header";
import { IncludeOwnCountrySwitch } from "@/components/recommendations/include-own-country-switch";
import { RecommendationList } from "@/components/recommendations/recommendation-list";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locale";
import { loadOrNotFound } from "@/lib/orgs/page-errors";
import { getRecommendationsPage } from "@/lib/recommendations/recommendations-page";
import { parseRecommendationsSearchParams } from "@/lib/recommendations/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Recommendations");
  return { title: t("metaTitle") };
}

export default async function RecommendationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/recommendations`);
  const { includeOwnCountry } = parseRecommendationsSearchParams(await searchParams);
  const locale = await getLocale();
  const page = await loadOrNotFound(() =>
    getRecommendationsPage({ orgSlug: slug, includeOwnCountry, locale: isLocale(locale) ? locale : "en" }, { actor: user }),
  );
  const t = await getTranslations("Recommendations");
  const base = `/o/${page.organization.slug}`;

  if (!page.isPublished) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState
          title={t("notPublishedTitle")}
          description={t("notPublishedDescription")}
          action={
            <Link href={`${base}/profile`} className={buttonClasses()}>
              {t("openProfile")}
            </Link>
          }
        />
      </>
    );
  }

  return (
    <ClientMessages namespaces={["Recommendations"]}>
      <PageHeader title={t("title")} lead={t("lead", { orgName: page.organization.name })} />
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{t("filterLabel")}</legend>
        <Suspense>
          <IncludeOwnCountrySwitch isChecked={page.includeOwnCountry} />
        </Suspense>
      </fieldset>
      {page.canSend ? null : <Alert variant="info">{t("readOnly")}</Alert>}
      {page.data.length === 0 ? (
        <EmptyState
          title={t("emptyTitle")}
          description={page.includeOwnCountry ? t("emptyOwnCountryDescription") : t("emptyDescription")}
          action={
            <Link href={`${base}/profile`} className={buttonClasses({ variant: "secondary" })}>
              {t("openProfile")}
            </Link>
          }
        />
      ) : null}
      <RecommendationList
        orgSlug={page.organization.slug}
        items={page.data}
        dismissed={page.dismissed}
        labels={page.labels}
        canSend={page.canSend}
      />
    </ClientMessages>
  );
}

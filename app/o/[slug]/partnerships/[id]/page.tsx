import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";

import { ClientMessages } from "@/components/i18n/client-messages";
import { CountryLabel } from "@/components/partnerships/country-label";
import { PartnershipActions, ProposalPanel } from "@/components/partnerships/partnership-actions";
import { PartnershipHistory } from "@/components/partnerships/partnership-history";
import { PartnershipRequests } from "@/components/partnerships/partnership-requests";
import { TieBadge } from "@/components/partnerships/tie-badge";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locale";
import { loadOrNotFound } from "@/lib/orgs/page-errors";
import { getPartnership } from "@/lib/partnerships/queries";

type Params = Promise<{ slug: string; id: string }>;

/** One load per request, shared by the metadata and the page. */
const load = cache(async (slug: string, id: string) => {
  const user = await requireUser(`/o/${slug}/partnerships/${id}`);
  const requestLocale = await getLocale();
  const locale = isLocale(requestLocale) ? requestLocale : "en";
  return loadOrNotFound(() => getPartnership({ orgSlug: slug, partnershipId: id, locale }, { actor: user }));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, id } = await params;
  const view = await load(slug, id);
  const t = await getTranslations("Partnership");
  return { title: t("metaTitle", { org: view.partner.name }) };
}

/** One partnership as this organisation sees it: the tie, what stands behind it, the proposal, the history. */
export default async function PartnershipPage({ params }: { params: Params }) {
  const { slug, id } = await params;
  const view = await load(slug, id);
  const t = await getTranslations("Partnership");
  const format = await getFormatter();
  const orgSlug = view.us.slug;
  const { partnership, partner } = view;
  const actionProps = {
    orgSlug,
    partnershipId: partnership.id,
    partnerName: partner.name,
    proposal: view.proposal,
    actions: view.actions,
  };

  return (
    <ClientMessages
      namespaces={[
        "Partnership", "partnerships.ties", "partnerships.description", "partnerships.reason", "partnerships.tie",
        "errors.notFound", "orgs.country", "Common", "Dialog", "errors.invalidField",
      ]}
    >
      <div className="flex flex-col gap-4">
        <Link href={`/o/${orgSlug}/network`} className="inline-flex w-fit items-center gap-1 text-sm font-medium text-brand-800 hover:underline">
          <span aria-hidden="true" className="rtl:rotate-180">
            ←
          </span>
          {t("backToNetwork")}
        </Link>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div className="flex min-w-0 flex-col gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-balance text-ink sm:text-3xl">{partner.name}</h1>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
              <span data-testid="partnership-tie">
                <TieBadge tie={partnership.tie} className="text-sm" />
              </span>
              <CountryLabel code={partner.country} name={partner.countryName} />
              <span>{t("since", { date: format.dateTime(partnership.since, { dateStyle: "medium" }) })}</span>
              <span>{t("lastActivity", { date: format.dateTime(partnership.lastActivityAt, { dateStyle: "medium" }) })}</span>
              <Link href={`/clusters/${partner.slug}`} className="text-brand-800 hover:underline">
                {t("publicProfile")}
              </Link>
            </div>
          </div>
          <PartnershipActions {...actionProps} />
        </div>
      </div>

      {!partnership.isActive && partnership.endedAt ? (
        <Alert variant="info" title={t("endedNotice", { date: format.dateTime(partnership.endedAt, { dateStyle: "medium" }) })}>
          {partnership.endedBy === "us" ? t("endedByUs") : partnership.endedBy === "partner" ? t("endedByPartner", { org: partner.name }) : null}{" "}
          {t("endedRenew")}
        </Alert>
      ) : null}

      <ProposalPanel {...actionProps} />

      <section aria-labelledby="description-title" className="rounded-card border border-line bg-surface p-5 shadow-xs">
        <h2 id="description-title" className="text-lg font-semibold text-ink">
          {t("descriptionTitle")}
        </h2>
        <p className="mt-2 whitespace-pre-line text-ink" data-testid="partnership-description">
          {partnership.description ?? t("noDescription")}
        </p>
      </section>

      <div className="grid gap-8 lg:grid-cols-[1.4fr_1fr]">
        <PartnershipHistory events={view.events} orgSlug={orgSlug} />
        <PartnershipRequests requests={view.requests} orgSlug={orgSlug} />
      </div>
    </ClientMessages>
  );
}

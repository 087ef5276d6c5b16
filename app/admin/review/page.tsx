import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { ReviewQueue } from "@/components/admin/review-queue";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";
import { countryName } from "@/lib/geo/countries";
import { listReviewQueue } from "@/lib/profiles/review";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ReviewQueue");
  return { title: t("title") };
}

export default async function ReviewQueuePage() {
  const admin = await requirePlatformAdminPage();
  const [items, locale, t] = await Promise.all([listReviewQueue({ actor: admin }), getLocale(), getTranslations("ReviewQueue")]);
  return (
    <section className="flex flex-col gap-6" aria-labelledby="review-title">
      <header className="flex flex-col gap-1">
        <h1 id="review-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <ClientMessages namespaces={["ReviewQueue", "Common", "EmptyState"]}>
        <ReviewQueue
          items={items.map((item) => ({
            organizationId: item.organization.id,
            name: item.organization.name,
            slug: item.organization.slug,
            country: countryName(item.organization.country, locale),
            kind: item.kind,
            pendingName: item.profile.pendingName,
            pendingCountry: item.profile.pendingCountry ? countryName(item.profile.pendingCountry, locale) : null,
            submittedAt: (item.profile.submittedAt ?? item.profile.updatedAt).toISOString(),
            website: item.profile.website,
            description: (locale === "ru" ? item.profile.descriptionRu || item.profile.descriptionEn : item.profile.descriptionEn || item.profile.descriptionRu).slice(0, 400),
            members:
              item.profile.membersSme + item.profile.membersLarge + item.profile.membersResearch +
              item.profile.membersUniversity + item.profile.membersPublic + item.profile.membersOther,
            managementFte: item.profile.managementFte,
            supportProgrammes: item.profile.supportProgrammes,
            checklist: item.checklist,
          }))}
        />
      </ClientMessages>
    </section>
  );
}

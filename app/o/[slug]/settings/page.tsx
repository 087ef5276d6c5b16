import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { DeleteOrganizationSection } from "@/components/orgs/delete-organization-section";
import { NotAllowed } from "@/components/orgs/not-allowed";
import { OrganizationSettingsForm } from "@/components/orgs/organization-settings-form";
import { PageHeader } from "@/components/orgs/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { countryOptions } from "@/lib/geo/countries";
import { requireMembership } from "@/lib/orgs/membership";
import { loadOrForbidden } from "@/lib/orgs/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgSettings");
  return { title: t("metaTitle") };
}

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/settings`);
  const result = await loadOrForbidden(() => requireMembership({ userId: user.id, orgSlug: slug, permission: "org:update" }));
  const t = await getTranslations("OrgSettings");

  if (result.forbidden) {
    return (
      <>
        <PageHeader title={t("title")} />
        <NotAllowed title={t("notAllowedTitle")} description={t("notAllowedDescription")} />
      </>
    );
  }
  const { organization, role } = result.value;

  return (
    <ClientMessages
      namespaces={[
        "OrgSettings", "Dialog", "Common", "orgs.name", "orgs.slug", "orgs.country", "orgs.invitations.invalid",
        "auth.email", "errors.invalidField",
      ]}
    >
      <PageHeader title={t("title")} />
      <section aria-labelledby="general-title" className="rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6">
        <h2 id="general-title" className="text-lg font-semibold text-ink">
          {t("generalTitle")}
        </h2>
        <p className="mt-1 mb-5 text-sm text-muted">{t("generalDescription")}</p>
        <div className="max-w-xl">
          <OrganizationSettingsForm
            org={{ slug: organization.slug, name: organization.name, country: organization.country }}
            countries={countryOptions(await getLocale())}
          />
        </div>
      </section>
      {can(role, "org:delete") ? <DeleteOrganizationSection org={{ slug: organization.slug, name: organization.name }} /> : null}
    </ClientMessages>
  );
}

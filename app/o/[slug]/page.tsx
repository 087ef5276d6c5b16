import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/orgs/page-header";
import { RoleBadge } from "@/components/orgs/role-badge";
import { buttonClasses } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/geo/countries";
import { getOrganizationOverview } from "@/lib/orgs/organizations";
import { loadOrNotFound } from "@/lib/orgs/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgOverview");
  return { title: t("metaTitle") };
}

export default async function OrganizationOverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}`);
  const overview = await loadOrNotFound(() => getOrganizationOverview({ orgSlug: slug }, { actor: user }));
  const t = await getTranslations("OrgOverview");
  const locale = await getLocale();
  const { organization, role } = overview.membership;
  const base = `/o/${organization.slug}`;

  return (
    <>
      <PageHeader title={t("title")} />
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("country")}>{countryName(organization.country, locale)}</Stat>
        <Stat label={t("yourRole")}>
          <RoleBadge role={role} className="text-sm" />
        </Stat>
        <Stat label={t("members")}>{t("memberCount", { count: overview.memberCount })}</Stat>
        {overview.pendingInvitationCount !== null ? (
          <Stat label={t("pendingInvitations")}>{t("pendingCount", { count: overview.pendingInvitationCount })}</Stat>
        ) : null}
      </dl>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <Link href={`${base}/members`} className={buttonClasses({ variant: "secondary" })}>
          {can(role, "members:invite") ? t("inviteColleagues") : t("manageMembers")}
        </Link>
        {can(role, "org:update") ? (
          <Link href={`${base}/settings`} className={buttonClasses({ variant: "secondary" })}>
            {t("settings")}
          </Link>
        ) : null}
        {can(role, "audit:read") ? (
          <Link href={`${base}/audit`} className={buttonClasses({ variant: "secondary" })}>
            {t("audit")}
          </Link>
        ) : null}
      </div>
    </>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-card border border-line bg-surface p-5 shadow-xs">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-ink">{children}</dd>
    </div>
  );
}

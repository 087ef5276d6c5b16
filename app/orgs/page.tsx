import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/orgs/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { countryName } from "@/lib/geo/countries";
import { listMyOrganizations } from "@/lib/orgs/organizations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgsList");
  return { title: t("metaTitle") };
}

// The landing page after sign-in: the user's organisations.
export default async function MyOrganizationsPage() {
  const user = await requireUser("/orgs");
  const organizations = await listMyOrganizations({ userId: user.id });
  const t = await getTranslations("OrgsList");
  const roles = await getTranslations("orgs.roles");
  const locale = await getLocale();

  const createLink = (
    <Link href="/orgs/new" className={buttonClasses()}>
      {t("create")}
    </Link>
  );

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-10 sm:px-6">
      <PageHeader title={t("title")} lead={t("lead")} actions={organizations.length > 0 ? createLink : undefined} />
      {organizations.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} action={createLink} />
      ) : (
        <ul aria-label={t("listLabel")} className="grid gap-3 sm:grid-cols-2">
          {organizations.map((org) => (
            <li key={org.id}>
              <Link
                href={`/o/${org.slug}`}
                className="flex h-full flex-col gap-2 rounded-card border border-line bg-surface p-5 shadow-xs transition-colors hover:border-brand-300 hover:bg-brand-50/40"
              >
                <span className="text-lg font-semibold text-ink">{org.name}</span>
                <span className="text-sm text-muted">{countryName(org.country, locale)}</span>
                <span className="text-sm text-ink">{t("yourRole", { role: roles(org.role) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

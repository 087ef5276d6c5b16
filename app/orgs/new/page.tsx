import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { CreateOrganizationForm } from "@/components/orgs/create-organization-form";
import { PageHeader } from "@/components/orgs/page-header";
import { requireUser } from "@/lib/auth/session";
import { countryOptions } from "@/lib/geo/countries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrgCreate");
  return { title: t("metaTitle") };
}

export default async function NewOrganizationPage() {
  await requireUser("/orgs/new");
  const t = await getTranslations("OrgCreate");
  const countries = countryOptions(await getLocale());

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8 px-4 py-10 sm:px-6">
      <div>
        <Link href="/orgs" className="text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline">
          {t("back")}
        </Link>
      </div>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="rounded-card border border-line bg-surface p-5 shadow-xs sm:p-6">
        <ClientMessages
          namespaces={[
            "OrgCreate", "Common", "orgs.name", "orgs.slug", "orgs.country", "orgs.invitations.invalid", "auth.email",
            "errors.invalidField",
          ]}
        >
          <CreateOrganizationForm countries={countries} />
        </ClientMessages>
      </div>
    </div>
  );
}

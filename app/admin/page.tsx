import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { PlatformOverview } from "@/components/admin/platform-overview";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";
import { getPlatformOverview } from "@/lib/admin/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminOverview");
  return { title: t("title") };
}

export default async function AdminOverviewPage() {
  const user = await requirePlatformAdminPage();
  const overview = await getPlatformOverview({ actor: user });
  const t = await getTranslations("AdminOverview");
  return (
    <>
      <AdminPageHeader title={t("title")} lead={t("lead")} />
      <PlatformOverview overview={overview} />
    </>
  );
}

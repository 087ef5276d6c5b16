import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { AdminNav } from "@/components/admin/admin-nav";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requirePlatformAdminPage } from "@/lib/admin/require-platform-admin";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Platform administrators only; everyone else gets the 404 page. Each page
// checks again (layouts and pages render independently), and so does every
// function in lib/admin.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePlatformAdminPage();
  const t = await getTranslations("AdminNav");
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-3">
        <p className="text-sm font-medium text-brand-800">{t("eyebrow")}</p>
        <ClientMessages namespaces={["AdminNav"]}>
          <AdminNav />
        </ClientMessages>
      </div>
      {children}
    </div>
  );
}

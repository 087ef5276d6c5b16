import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ForgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("ForgotPassword");
  const common = await getTranslations("AuthCommon");
  return (
    <AuthShell
      title={t("title")}
      lead={t("lead")}
      footer={
        <Link href="/signin" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          {common("backToSignIn")}
        </Link>
      }
    >
      <ClientMessages
        namespaces={[
          "ForgotPassword", "Common", "auth.email", "auth.name", "auth.password", "auth.token", "errors.generic",
          "errors.invalidField",
        ]}
      >
        <ForgotPasswordForm />
      </ClientMessages>
    </AuthShell>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { TokenProblem } from "@/components/accounts/token-problem";
import { ClientMessages } from "@/components/i18n/client-messages";
import { buttonClasses } from "@/components/ui/button";
import { inspectAuthToken } from "@/lib/accounts/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ResetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations("ResetPassword");
  const common = await getTranslations("AuthCommon");
  const status = await inspectAuthToken(token, "RESET_PASSWORD");

  return (
    <AuthShell
      title={t("title")}
      lead={status === "valid" ? t("lead") : undefined}
      footer={
        <Link href="/signin" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          {common("backToSignIn")}
        </Link>
      }
    >
      {status === "valid" ? (
        <ClientMessages
          namespaces={[
            "ResetPassword", "AuthCommon", "Common", "auth.email", "auth.name", "auth.password", "auth.token",
            "errors.generic", "errors.invalidField",
          ]}
        >
          <ResetPasswordForm token={String(token)} />
        </ClientMessages>
      ) : (
        <TokenProblem message={t(`status.${status}`)}>
          <Link href="/forgot-password" className={buttonClasses({ className: "w-full" })}>
            {t("requestNew")}
          </Link>
        </TokenProblem>
      )}
    </AuthShell>
  );
}

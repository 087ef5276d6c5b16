import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ResendVerificationForm } from "@/components/accounts/resend-verification-form";
import { TokenProblem } from "@/components/accounts/token-problem";
import { VerifyEmailConfirm } from "@/components/accounts/verify-email-confirm";
import { inspectAuthToken } from "@/lib/accounts/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("VerifyEmail");
  return { title: t("title") };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations("VerifyEmail");
  const common = await getTranslations("AuthCommon");
  // Without a token (the "send a new link" page) there is nothing to inspect.
  const status = token === undefined ? null : await inspectAuthToken(token, "VERIFY_EMAIL");

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
      <ClientMessages
        namespaces={[
          "VerifyEmail", "Common", "auth.email", "auth.name", "auth.password", "auth.token", "errors.generic",
          "errors.invalidField",
        ]}
      >
        {status === "valid" ? (
          <VerifyEmailConfirm token={String(token)} />
        ) : status === null ? (
          <ResendVerificationForm />
        ) : (
          <TokenProblem message={t(`status.${status}`)}>
            <hr className="border-line" />
            <ResendVerificationForm />
          </TokenProblem>
        )}
      </ClientMessages>
    </AuthShell>
  );
}

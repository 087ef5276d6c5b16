import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { ConfirmEmailChange } from "@/components/accounts/confirm-email-change";
import { TokenProblem } from "@/components/accounts/token-problem";
import { ClientMessages } from "@/components/i18n/client-messages";
import { buttonClasses } from "@/components/ui/button";
import { inspectAuthToken } from "@/lib/accounts/tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ConfirmEmail");
  return { title: t("title") };
}

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations("ConfirmEmail");
  const status = await inspectAuthToken(token, "CHANGE_EMAIL");

  return (
    <AuthShell title={t("title")} lead={status === "valid" ? t("lead") : undefined}>
      {status === "valid" ? (
        <ClientMessages namespaces={["ConfirmEmail", "errors.generic"]}>
          <ConfirmEmailChange token={String(token)} />
        </ClientMessages>
      ) : (
        <TokenProblem message={t(`status.${status}`)}>
          <Link href="/account" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
            {t("requestNew")}
          </Link>
        </TokenProblem>
      )}
    </AuthShell>
  );
}

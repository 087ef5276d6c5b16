import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

const NOTICES = ["verified", "passwordReset", "passwordChanged", "signedOutEverywhere", "accountDeleted", "emailChanged"] as const;
type Notice = (typeof NOTICES)[number];

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(one(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl);

  const t = await getTranslations("SignIn");
  const notice = NOTICES.find((n): n is Notice => n === one(params.notice));
  const error = one(params.error)?.slice(0, 64);

  return (
    <AuthShell
      title={t("title")}
      lead={t("lead")}
      footer={
        <p>
          {t("noAccount")}{" "}
          <Link href="/signup" className="font-medium text-brand-700 underline-offset-4 hover:underline">
            {t("signUpLink")}
          </Link>
        </p>
      }
    >
      {notice ? (
        <Alert variant="success" className="mb-5">
          {t(`notices.${notice}`)}
        </Alert>
      ) : null}
      <ClientMessages namespaces={["SignIn", "Common", "auth", "errors.generic", "errors.invalidField"]}>
        <SignInForm callbackUrl={callbackUrl} initialError={error} />
      </ClientMessages>
    </AuthShell>
  );
}

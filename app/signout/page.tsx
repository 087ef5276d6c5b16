import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignOut");
  return { title: t("title") };
}

export default async function SignOutPage() {
  const user = await getSessionUser();
  const t = await getTranslations("SignOut");

  return (
    <AuthShell title={t("title")} lead={user ? t("lead", { email: user.email }) : t("signedOutLead")}>
      {user ? (
        <SignOutButton callbackUrl="/" className="w-full">
          {t("submit")}
        </SignOutButton>
      ) : (
        <Link href="/" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
          {t("home")}
        </Link>
      )}
    </AuthShell>
  );
}

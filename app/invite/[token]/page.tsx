import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { AcceptInvitationButton } from "@/components/orgs/accept-invitation-button";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { getInvitationPage } from "@/lib/orgs/invitations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("InvitePage");
  // The URL carries a secret: keep it out of search engines.
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getSessionUser();
  const { invitation, viewer } = await getInvitationPage(token, user);
  const t = await getTranslations("InvitePage");
  const roles = await getTranslations("orgs.roles");
  const format = await getFormatter();

  if (invitation.status !== "pending") {
    const texts = {
      invalid: { title: t("invalidTitle"), body: t("invalid") },
      used: { title: t("usedTitle"), body: t("used") },
      expired: { title: t("expiredTitle"), body: t("expired") },
    }[invitation.status];
    return (
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{texts.title}</h1>
        <p className="text-muted">{texts.body}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          {user ? (
            <Link href="/orgs" className={buttonClasses()}>
              {t("myOrganisations")}
            </Link>
          ) : (
            <Link href="/" className={buttonClasses({ variant: "secondary" })}>
              {t("home")}
            </Link>
          )}
        </div>
      </Card>
    );
  }

  const path = `/invite/${token}`;
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
      <p className="text-pretty text-muted">{t("summary", { org: invitation.orgName, role: invitation.role })}</p>
      <dl className="grid gap-3 rounded-lg border border-line bg-canvas p-4 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-6">
        <dt className="text-muted">{t("organisation")}</dt>
        <dd className="font-medium text-ink">{invitation.orgName}</dd>
        <dt className="text-muted">{t("role")}</dt>
        <dd className="font-medium text-ink">{roles(invitation.role)}</dd>
        <dt className="text-muted">{t("address")}</dt>
        <dd className="font-medium break-all text-ink">{invitation.email}</dd>
        <dt className="text-muted">{t("expires")}</dt>
        <dd className="font-medium text-ink">{format.dateTime(invitation.expiresAt, { dateStyle: "long" })}</dd>
      </dl>
      <ClientMessages namespaces={["InvitePage", "errors.invalidField"]}>
        {viewer === "invitee" ? <AcceptInvitationButton token={token} /> : null}
      </ClientMessages>
      {viewer === "otherAccount" && user ? (
        <div role="status" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{t("otherEmailTitle")}</p>
          <p>{t("otherEmail", { current: user.email, email: invitation.email })}</p>
          <div>
            <Link href="/signout" className={buttonClasses({ variant: "secondary", size: "sm" })}>
              {t("signOut")}
            </Link>
          </div>
        </div>
      ) : null}
      {viewer === "signedOut" ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted">{t("signedOutHint", { email: invitation.email })}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Link href={`/signin?callbackUrl=${encodeURIComponent(path)}`} className={buttonClasses()}>
              {t("signInToAccept")}
            </Link>
            <Link href={`/signup?invite=${encodeURIComponent(token)}`} className={buttonClasses({ variant: "secondary" })}>
              {t("createAccount")}
            </Link>
          </div>
        </div>
      ) : null}
    </Card>
  );
}

function Card({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6 sm:py-16">
      <div className="flex flex-col gap-5 rounded-card border border-line bg-surface p-6 shadow-xs sm:p-8">{children}</div>
    </div>
  );
}

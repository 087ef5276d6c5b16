import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/accounts/auth-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { getSessionUser } from "@/lib/auth/session";
import { lookupInvitation, type InvitationLookup } from "@/lib/orgs/invitations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignUp");
  return { title: t("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { invite: rawInvite } = await searchParams;
  const inviteToken = typeof rawInvite === "string" ? rawInvite : undefined;
  // Someone already signed in accepts the invitation on its own page.
  if (await getSessionUser()) redirect(inviteToken ? `/invite/${encodeURIComponent(inviteToken)}` : "/orgs");

  const t = await getTranslations();
  const invitation: InvitationLookup | null = inviteToken ? await lookupInvitation(inviteToken) : null;
  const pending = invitation?.status === "pending" ? invitation : null;

  return (
    <AuthShell
      title={pending ? t("SignUp.invitedTitle", { orgName: pending.orgName }) : t("SignUp.title")}
      lead={
        pending
          ? t("SignUp.invitedLead", { orgName: pending.orgName, role: t(`orgs.roles.${pending.role}`), email: pending.email })
          : t("SignUp.lead")
      }
      footer={
        <p>
          {t("SignUp.haveAccount")}{" "}
          <Link
            href={pending && inviteToken ? `/signin?callbackUrl=${encodeURIComponent(`/invite/${inviteToken}`)}` : "/signin"}
            className="font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            {t("SignUp.signInLink")}
          </Link>
        </p>
      }
    >
      {invitation && invitation.status !== "pending" ? (
        <Alert variant="info" className="mb-5">
          {t(`SignUp.inviteUnavailable.${invitation.status}`)}
        </Alert>
      ) : null}
      <ClientMessages
        namespaces={[
          "SignUp", "AuthCommon", "Common", "auth.email", "auth.name", "auth.password", "auth.token", "errors.generic",
          "errors.invalidField",
        ]}
      >
        <SignUpForm
          invite={pending && inviteToken ? { token: inviteToken, email: pending.email, orgName: pending.orgName } : undefined}
        />
      </ClientMessages>
    </AuthShell>
  );
}

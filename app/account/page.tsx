import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccountSection } from "@/components/accounts/account-section";
import { ChangeEmailForm } from "@/components/accounts/change-email-form";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { DeleteAccount } from "@/components/accounts/delete-account";
import { ProfileForm } from "@/components/accounts/profile-form";
import { SignOutEverywhere } from "@/components/accounts/sign-out-everywhere";
import { ClientMessages } from "@/components/i18n/client-messages";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { defaultLocale, isLocale } from "@/lib/i18n/locale";
import { getNotificationPreferences } from "@/lib/notifications/preferences";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const t = await getTranslations("Account");
  const notifications = await getTranslations("NotificationPreferences");
  const notificationPreferences = await getNotificationPreferences({ actor: user });

  return (
    <ClientMessages
      namespaces={[
        "Account.profile", "Account.email", "Account.password", "Account.sessions", "Account.delete", "AuthCommon",
        "NotificationPreferences", "notifications.errors", "Dialog", "Common", "auth.email", "auth.name",
        "auth.password", "auth.token", "errors.generic", "errors.invalidField",
      ]}
    >
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-10 sm:px-6 sm:py-14">
        <header>
          <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-muted">{t("lead", { email: user.email })}</p>
        </header>

        <AccountSection id="profile" title={t("profile.title")} lead={t("profile.lead")}>
          <ProfileForm name={user.name} locale={isLocale(user.locale) ? user.locale : defaultLocale} />
        </AccountSection>

        {/* The target of the settings link in every notification e-mail (/account#notifications). */}
        <div id="notifications" className="scroll-mt-20">
          <AccountSection id="notification-settings" title={notifications("title")} lead={notifications("lead")}>
            <NotificationPreferencesForm preferences={notificationPreferences} />
          </AccountSection>
        </div>

        <AccountSection id="email" title={t("email.title")} lead={t("email.lead", { email: user.email })}>
          <ChangeEmailForm />
        </AccountSection>

        <AccountSection id="password" title={t("password.title")} lead={t("password.lead")}>
          <ChangePasswordForm />
        </AccountSection>

        <AccountSection id="sessions" title={t("sessions.title")} lead={t("sessions.lead")}>
          <SignOutEverywhere />
        </AccountSection>

        <AccountSection id="export" title={t("export.title")} lead={t("export.lead")}>
          {/* A plain link: the route answers with an attachment, so the browser downloads it. */}
          <a href="/api/account/export" download className={buttonClasses({ variant: "secondary" })}>
            {t("export.link")}
          </a>
        </AccountSection>

        <AccountSection id="delete" tone="danger" title={t("delete.title")} lead={t("delete.lead")}>
          <DeleteAccount />
        </AccountSection>
      </div>
    </ClientMessages>
  );
}

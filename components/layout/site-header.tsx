import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/i18n/client-messages";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { logger } from "@/lib/log/logger";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { listMyOrganizations } from "@/lib/orgs/organizations";
import { AccountMenu } from "./account-menu";
import { LocaleSwitcher } from "./locale-switcher";
import { LogoMark } from "./logo";
import { NavLink } from "./nav-link";
import { OrgSwitcher, type SwitcherOrganization } from "./org-switcher";

/**
 * The signed-in user and their organisations for the header. Never throws:
 * with the database down, the page (or its error page) still gets a header,
 * the signed-out one.
 */
async function loadHeaderUser(): Promise<{ user: SessionUser; organizations: SwitcherOrganization[]; unread: number } | null> {
  try {
    const user = await getSessionUser();
    if (!user) return null;
    const [organizations, unread] = await Promise.all([
      listMyOrganizations({ userId: user.id }),
      countUnreadNotifications({ actor: { id: user.id, email: user.email } }),
    ]);
    return { user, organizations: organizations.map(({ slug, name }) => ({ slug, name })), unread };
  } catch (error) {
    logger.warn("header: could not load the signed-in user", { error });
    return null;
  }
}

export async function SiteHeader() {
  const t = await getTranslations("Header");
  const common = await getTranslations("Common");
  const signedIn = await loadHeaderUser();

  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/80">
      {/* Parked above the viewport until a keyboard user tabs to it. */}
      <a
        href="#main"
        className={buttonClasses({
          className: "absolute start-4 top-2 z-50 -translate-y-20 shadow-lg transition-transform focus-visible:translate-y-0",
        })}
      >
        {t("skipToContent")}
      </a>
      {/* Phone: logo and language on the first row, the navigation on its own
          scrollable row below. From md up: one row. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-0.5 px-4 py-2 sm:px-6 md:gap-x-6">
        <Link
          href="/"
          aria-label={t("homeLink")}
          className="-ms-1 flex items-center gap-2 rounded-lg px-1 py-1 text-base font-semibold tracking-tight text-brand-800 sm:text-lg"
        >
          <LogoMark />
          <span>{common("productName")}</span>
        </Link>

        {/* Phone: the navigation scrolls sideways on its own row, with the
            organisation switcher and account menu at its end (outside the
            scrolling box, so their menus are not clipped). From md up: one row. */}
        <div className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-2 px-4 md:order-none md:mx-0 md:w-auto md:flex-1 md:px-0">
          <nav aria-label={t("navLabel")} className="min-w-0 flex-1 overflow-x-auto">
            {/* py-1 leaves room for the focus ring, which overflow-x-auto would clip. */}
            <ul className="flex items-center gap-1 py-1">
              <li>
                <NavLink href="/">{t("home")}</NavLink>
              </li>
              <li>
                <NavLink href="/clusters">{t("directory")}</NavLink>
              </li>
              {signedIn ? null : (
                <>
                  <li className="ms-auto">
                    <NavLink href="/signin">{t("signIn")}</NavLink>
                  </li>
                  <li>
                    <Link href="/signup" className={buttonClasses({ size: "sm", className: "h-9" })}>
                      {t("signUp")}
                    </Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
          {signedIn ? (
            <ClientMessages namespaces={["OrgSwitcher", "Notifications.bell", "Notifications.kinds", "AccountMenu", "Header"]}>
              <div className="flex shrink-0 items-center gap-1.5">
                <OrgSwitcher organizations={signedIn.organizations} />
                <NotificationBell unread={{ count: signedIn.unread }} />
                <AccountMenu
                  user={{ name: signedIn.user.name, email: signedIn.user.email, isPlatformAdmin: signedIn.user.isPlatformAdmin }}
                />
              </div>
            </ClientMessages>
          ) : null}
        </div>

        <LocaleSwitcher className="ms-auto md:ms-0" />
      </div>
    </header>
  );
}

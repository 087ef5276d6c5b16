import { getTranslations } from "next-intl/server";

import { getSessionUser } from "@/lib/auth/session";

import { LogoMark } from "./logo";
import { NavLink } from "./nav-link";

export async function SiteFooter() {
  const t = await getTranslations("Footer");
  const header = await getTranslations("Header");
  const common = await getTranslations("Common");
  // Like the header: a database outage shows the signed-out links, not an error.
  const user = await getSessionUser().catch(() => null);

  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 md:flex-row md:items-start md:justify-between">
        <div className="max-w-sm">
          <p className="flex items-center gap-2 font-semibold text-brand-800">
            <LogoMark className="size-6" />
            {common("productName")}
          </p>
          <p className="mt-2 text-sm text-muted">{t("tagline")}</p>
        </div>
        <nav aria-label={t("navLabel")}>
          <ul className="-mx-3 flex flex-wrap gap-1">
            <li>
              <NavLink href="/">{header("home")}</NavLink>
            </li>
            <li>
              <NavLink href="/clusters">{header("directory")}</NavLink>
            </li>
            {user ? null : (
              <li>
                <NavLink href="/signin">{header("signIn")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-6xl px-4 py-4 text-xs text-muted sm:px-6">
          {t("copyright", { year: String(new Date().getUTCFullYear()) })}
        </p>
      </div>
    </footer>
  );
}

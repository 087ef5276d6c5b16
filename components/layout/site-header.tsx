import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { buttonClasses } from "@/components/ui/button";
import { LocaleSwitcher } from "./locale-switcher";
import { LogoMark } from "./logo";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const t = await getTranslations("Header");
  const common = await getTranslations("Common");

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

        <nav aria-label={t("navLabel")} className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 md:order-none md:mx-0 md:w-auto md:flex-1 md:px-0">
          {/* py-1 leaves room for the focus ring, which overflow-x-auto would clip. */}
          <ul className="flex items-center gap-1 py-1">
            <li>
              <NavLink href="/">{t("home")}</NavLink>
            </li>
            <li>
              <NavLink href="/clusters">{t("directory")}</NavLink>
            </li>
            <li className="ms-auto">
              <NavLink href="/signin">{t("signIn")}</NavLink>
            </li>
          </ul>
        </nav>

        <LocaleSwitcher className="ms-auto md:ms-0" />
      </div>
    </header>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";
import { useDisclosure } from "./use-disclosure";

export interface SwitcherOrganization {
  slug: string;
  name: string;
}

/** The organisation in the URL (/o/<slug>/…), if any. */
function activeSlug(pathname: string): string | null {
  const match = /^\/o\/([^/]+)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Which organisation the user is acting for, and a menu to switch to
 * another one (a link to /o/<slug>). The active organisation is the one in
 * the URL, so two tabs can work for two organisations at once.
 */
export function OrgSwitcher({ organizations }: { organizations: SwitcherOrganization[] }) {
  const t = useTranslations("OrgSwitcher");
  const pathname = usePathname();
  const slug = activeSlug(pathname);
  const active = organizations.find((org) => org.slug === slug) ?? null;
  const { isOpen, close, containerProps, buttonProps, panelProps } = useDisclosure();

  return (
    <div className="relative" {...containerProps}>
      <button
        {...buttonProps}
        aria-label={active ? `${t("label")}: ${active.name}` : t("label")}
        className={cn(
          "inline-flex h-9 max-w-[11rem] items-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2.5 text-sm font-medium text-ink shadow-xs sm:max-w-[16rem]",
          "hover:border-brand-300 hover:bg-brand-50",
          isOpen && "border-brand-300 bg-brand-50",
        )}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-brand-700">
          <path d="M4 16.5V4.75A1.75 1.75 0 0 1 5.75 3h5.5A1.75 1.75 0 0 1 13 4.75V8h1.25A1.75 1.75 0 0 1 16 9.75v6.75h.25a.75.75 0 0 1 0 1.5H3.75a.75.75 0 0 1 0-1.5H4Zm1.5 0h2.25v-2.75a.75.75 0 0 1 .75-.75h1a.75.75 0 0 1 .75.75v2.75h2.25V4.75a.25.25 0 0 0-.25-.25h-5.5a.25.25 0 0 0-.25.25V16.5ZM13 9.5v7h1.5V9.75a.25.25 0 0 0-.25-.25H13ZM7 6.25A.75.75 0 0 1 7.75 5.5h.5a.75.75 0 0 1 0 1.5h-.5A.75.75 0 0 1 7 6.25Zm3 0a.75.75 0 0 1 .75-.75h.5a.75.75 0 0 1 0 1.5h-.5a.75.75 0 0 1-.75-.75ZM7.75 8.5a.75.75 0 0 0 0 1.5h.5a.75.75 0 0 0 0-1.5h-.5Zm2.25.75a.75.75 0 0 1 .75-.75h.5a.75.75 0 0 1 0 1.5h-.5a.75.75 0 0 1-.75-.75Z" />
        </svg>
        <span className="truncate">{active?.name ?? t("choose")}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cn("size-4 shrink-0 text-muted transition-transform", isOpen && "rotate-180")}>
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <div
        {...panelProps}
        className="absolute end-0 top-full z-50 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-card border border-line bg-surface p-1.5 shadow-lg"
      >
        {organizations.length > 0 ? (
          <ul className="flex max-h-80 flex-col overflow-y-auto">
            {organizations.map((org) => {
              const isActive = org.slug === active?.slug;
              return (
                <li key={org.slug}>
                  <Link
                    href={`/o/${org.slug}`}
                    onClick={() => close()}
                    aria-current={isActive ? "page" : undefined}
                    className={cn(
                      "flex items-center justify-between gap-2 rounded-lg px-3 py-2 text-sm",
                      isActive ? "bg-brand-50 font-semibold text-brand-800" : "text-ink hover:bg-brand-50/60",
                    )}
                  >
                    <span className="truncate">{org.name}</span>
                    {isActive ? (
                      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0">
                        <path
                          fillRule="evenodd"
                          d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4.02Z"
                          clipRule="evenodd"
                        />
                      </svg>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="px-3 py-2 text-sm text-muted">{t("none")}</p>
        )}
        <div className="mt-1.5 flex flex-col border-t border-line pt-1.5">
          <Link href="/orgs" onClick={() => close()} className="rounded-lg px-3 py-2 text-sm text-ink hover:bg-brand-50/60">
            {t("all")}
          </Link>
          <Link href="/orgs/new" onClick={() => close()} className="rounded-lg px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50/60">
            {t("create")}
          </Link>
        </div>
      </div>
    </div>
  );
}

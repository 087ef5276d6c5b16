"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";
import { useDisclosure } from "./use-disclosure";

/** The signed-in user's menu: their organisations, account, administration (platform admins) and sign-out. */
export function AccountMenu({ user }: { user: { name: string; email: string; isPlatformAdmin: boolean } }) {
  const t = useTranslations("Header");
  const menu = useTranslations("AccountMenu");
  const { isOpen, close, containerProps, buttonProps, panelProps } = useDisclosure();
  const initials =
    user.name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join("") || "?";

  const links = [
    { href: "/orgs", label: t("myOrganizations") },
    { href: "/account", label: t("account") },
    ...(user.isPlatformAdmin ? [{ href: "/admin", label: t("administration") }] : []),
  ];

  return (
    <div className="relative" {...containerProps}>
      <button
        {...buttonProps}
        aria-label={menu("label", { name: user.name })}
        className={cn(
          "inline-flex h-9 items-center gap-2 rounded-lg px-1.5 text-sm font-medium text-ink hover:bg-brand-50 lg:pe-2.5",
          isOpen && "bg-brand-50",
        )}
      >
        <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-brand-700 text-xs font-semibold text-white">
          {initials}
        </span>
        <span aria-hidden="true" className="hidden max-w-[10rem] truncate lg:inline">
          {user.name}
        </span>
      </button>
      <div
        {...panelProps}
        className="absolute end-0 top-full z-50 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-card border border-line bg-surface p-1.5 shadow-lg"
      >
        <div className="border-b border-line px-3 pt-1.5 pb-2.5">
          <p className="truncate text-sm font-semibold text-ink">{user.name}</p>
          <p className="truncate text-xs text-muted">{user.email}</p>
        </div>
        <ul className="flex flex-col pt-1.5">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} onClick={() => close()} className="block rounded-lg px-3 py-2 text-sm text-ink hover:bg-brand-50/60">
                {link.label}
              </Link>
            </li>
          ))}
          <li className="mt-1.5 border-t border-line pt-1.5">
            <Link href="/signout" onClick={() => close()} className="block rounded-lg px-3 py-2 text-sm text-ink hover:bg-brand-50/60">
              {t("signOut")}
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

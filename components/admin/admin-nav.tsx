"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { cn } from "@/lib/utils/cn";

const ITEMS = [
  { href: "/admin", key: "overview" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/organizations", key: "organizations" },
  { href: "/admin/review", key: "review" },
] as const;

/** The administration area's own tabs; the current one is marked aria-current="page". */
export function AdminNav() {
  const t = useTranslations("AdminNav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 border-b border-line">
        {ITEMS.map((item) => {
          // "/admin" is current only on itself, not on the pages below it.
          const isCurrent =
            item.href === "/admin" ? pathname === "/admin" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
                  isCurrent
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-muted hover:border-line-strong hover:text-ink",
                )}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

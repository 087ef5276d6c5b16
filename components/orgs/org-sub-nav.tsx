"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils/cn";

export interface OrgSubNavItem {
  href: string;
  label: string;
  /** Current only on this exact path (the overview), not below it. */
  isExact?: boolean;
  /** A count shown after the label (unread requests), with its spoken form for screen readers. */
  badge?: { count: number; label: string };
}

/** The organisation's sections as tabs; the current one is marked aria-current="page". */
export function OrgSubNav({ label, items }: { label: string; items: OrgSubNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 border-b border-line">
        {items.map((item) => {
          const isCurrent = item.isExact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
                  isCurrent ? "border-brand-700 text-brand-800" : "border-transparent text-muted hover:border-line-strong hover:text-ink",
                )}
              >
                {item.label}
                {item.badge ? (
                  <span data-testid="nav-badge" className="ms-1.5 rounded-full bg-brand-700 px-1.5 py-px text-xs font-semibold text-white">
                    <span aria-hidden="true">{item.badge.count}</span>
                    <span className="sr-only">{item.badge.label}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

import { switchLocaleAction } from "@/lib/i18n/actions";
import { localeNames, locales, type Locale } from "@/lib/i18n/locale";
import { cn } from "@/lib/utils/cn";

/**
 * Two toggle buttons in a form that posts to a server action. Works without
 * JavaScript (a plain form post); with it, Next.js re-renders the page in the
 * new language without a full reload. Each name is written in its own
 * language and marked with `lang`, so screen readers pronounce it right.
 */
export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations("LocaleSwitcher");
  const current = useLocale();

  return (
    <form action={switchLocaleAction} className={className}>
      <SwitcherButtons label={t("label")} current={current} />
    </form>
  );
}

function SwitcherButtons({ label, current }: { label: string; current: Locale }) {
  const { pending, data } = useFormStatus();
  const requested = pending ? data?.get("locale") : null;

  return (
    <div
      role="group"
      aria-label={label}
      aria-busy={pending || undefined}
      className="inline-flex rounded-lg border border-line bg-canvas p-0.5"
    >
      {locales.map((locale) => {
        const isCurrent = locale === current;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={isCurrent}
            className={cn(
              "rounded-md px-2 py-1 text-sm font-medium transition-colors sm:px-2.5",
              isCurrent ? "bg-surface text-brand-800 shadow-xs" : "text-muted hover:bg-surface/70 hover:text-ink",
              requested === locale && "animate-pulse",
            )}
          >
            {localeNames[locale]}
          </button>
        );
      })}
    </div>
  );
}

"use client";

import { useEffect, useSyncExternalStore } from "react";

import { defaultLocale, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locale";
import en from "@/messages/en/ui.json";
import ru from "@/messages/ru/ui.json";

import "./globals.css";

// Replaces the root layout when it fails, so there is no NextIntlClientProvider
// here: the locale comes from the browser (the NEXT_LOCALE cookie, then the
// browser's languages) and the strings straight from the catalogues.
const catalogues: Record<Locale, typeof en.GlobalError> = { en: en.GlobalError, ru: ru.GlobalError };

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split("; ")
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

function getBrowserLocale(): Locale {
  return resolveLocale({
    cookieLocale: readCookie(LOCALE_COOKIE),
    acceptLanguage: navigator.languages.join(","),
  });
}

const subscribe = () => () => {};

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribe, getBrowserLocale, () => defaultLocale);
  const t = catalogues[locale];

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh items-center justify-center bg-canvas px-4 text-ink">
        <title>{t.title}</title>
        <main className="flex max-w-md flex-col items-center gap-4 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
          <p className="text-muted">{t.description}</p>
          <div className="mt-2 flex flex-col gap-3 sm:flex-row">
            <button
              type="button"
              onClick={() => retry()}
              className="inline-flex h-10 items-center justify-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t.retry}
            </button>
            {/* A full page load on purpose: the client router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a
              href="/"
              className="inline-flex h-10 items-center justify-center rounded-lg border border-line-strong bg-surface px-4 text-sm font-medium hover:bg-brand-50"
            >
              {t.home}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}

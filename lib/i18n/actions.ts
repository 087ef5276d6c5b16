"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { saveUserLocale } from "@/lib/accounts/locale";
import { getEnv } from "@/lib/env";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, locales, type Locale } from "./locale";

// Not exported: a "use server" file may export only async functions.
const ZSetLocaleSchema = z.object({ locale: z.enum(locales) });
export type TSetLocaleSchema = z.infer<typeof ZSetLocaleSchema>;

export type SetLocaleResult = { ok: true; locale: Locale } | { ok: false };

/**
 * Saves the visitor's language in the NEXT_LOCALE cookie. Setting a cookie in
 * a server action makes Next.js re-render the current page, so it comes back
 * in the new language; without JavaScript the form post does the same.
 * Anything but a supported locale changes nothing.
 */
export async function setLocale(input: unknown): Promise<SetLocaleResult> {
  const parsed = ZSetLocaleSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { locale } = parsed.data;

  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    // Not httpOnly: it holds no secret, and app/global-error.tsx reads it in the
    // browser to speak the visitor's language when the root layout has failed.
    httpOnly: false,
    secure: getEnv().isHttps,
  });

  // A signed-in user's choice is saved on the account too, so it follows them
  // to other devices and into their e-mails (the request config reads it first).
  await saveUserLocale(locale);
  return { ok: true, locale };
}

/** Form action for the language switcher: `<button name="locale" value="ru">`. */
export async function switchLocaleAction(formData: FormData): Promise<void> {
  // A crafted request can send any value here, not only the form's FormData.
  await setLocale({ locale: formData instanceof FormData ? formData.get("locale") : undefined });
}

import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";

/** Saves the signed-in user's language; does nothing for a visitor. */
export async function saveUserLocale(locale: Locale): Promise<void> {
  const user = await getSessionUser();
  if (user && user.locale !== locale) {
    await getDb().user.update({ where: { id: user.id }, data: { locale } });
  }
}

import { z } from "zod";

/** E-mail addresses are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const ZEmail = z
  .string()
  .trim()
  .max(254, "auth.email.invalid")
  .pipe(z.email("auth.email.invalid"))
  .transform(normalizeEmail);

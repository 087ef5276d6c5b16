import { z } from "zod";
import { ZEmail } from "@/lib/auth/email";
import { ZNewPassword } from "@/lib/auth/password-policy";
import { locales } from "@/lib/i18n/locale";

/** Shared by the forms (react-hook-form + zodResolver) and the actions. Messages are message keys. */
export const ZName = z.string().trim().min(1, "auth.name.required").max(100, "auth.name.tooLong");
export const ZLocale = z.enum(locales);
export const ZToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "auth.token.invalid");

export const ZSignUpSchema = z.object({
  name: ZName,
  email: ZEmail,
  password: ZNewPassword,
  locale: ZLocale.default("en"),
  /** Signing up from an invitation link. */
  inviteToken: ZToken.optional(),
});
export type TSignUpSchema = z.input<typeof ZSignUpSchema>;

/** The sign-in form (next-auth's credentials provider checks the password itself). */
export const ZSignInSchema = z.object({
  email: ZEmail,
  password: z.string().min(1, "auth.password.required").max(1000),
});
export type TSignInSchema = z.input<typeof ZSignInSchema>;

export const ZVerifyEmailSchema = z.object({ token: ZToken });

export const ZResendVerificationSchema = z.object({ email: ZEmail });
export type TResendVerificationSchema = z.input<typeof ZResendVerificationSchema>;

export const ZRequestPasswordResetSchema = z.object({ email: ZEmail });
export type TRequestPasswordResetSchema = z.input<typeof ZRequestPasswordResetSchema>;

export const ZResetPasswordSchema = z.object({ token: ZToken, password: ZNewPassword });
export type TResetPasswordSchema = z.input<typeof ZResetPasswordSchema>;

export const ZChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, "auth.password.required").max(1000),
  newPassword: ZNewPassword,
});
export type TChangePasswordSchema = z.input<typeof ZChangePasswordSchema>;

export const ZRequestEmailChangeSchema = z.object({
  password: z.string().min(1, "auth.password.required").max(1000),
  newEmail: ZEmail,
});
export type TRequestEmailChangeSchema = z.input<typeof ZRequestEmailChangeSchema>;

export const ZConfirmEmailChangeSchema = z.object({ token: ZToken });

export const ZUpdateAccountSchema = z.object({ name: ZName, locale: ZLocale });
export type TUpdateAccountSchema = z.input<typeof ZUpdateAccountSchema>;

export const ZDeleteAccountSchema = z.object({ password: z.string().min(1, "auth.password.required").max(1000) });
export type TDeleteAccountSchema = z.input<typeof ZDeleteAccountSchema>;

/** Actions that take no input ("sign out everywhere"). */
export const ZNoInputSchema = z.object({}).optional();

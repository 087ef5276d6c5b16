/**
 * The message for an error code that next-auth passes back from `authorize`
 * (lib/auth/options.ts): "invalidCredentials", "rateLimited:<seconds>",
 * "emailNotVerified", "suspended". Anything else (a code from next-auth
 * itself, a tampered ?error= in the URL) is shown as the generic error.
 */
export type SignInErrorMessage =
  | { key: "auth.signIn.invalidCredentials" | "auth.signIn.emailNotVerified" | "auth.signIn.suspended" | "errors.generic" }
  | { key: "auth.signIn.rateLimited"; values: { minutes: number } };

export function signInErrorMessage(code: string | null | undefined): SignInErrorMessage {
  if (code === "invalidCredentials" || code === "CredentialsSignin") return { key: "auth.signIn.invalidCredentials" };
  if (code === "emailNotVerified") return { key: "auth.signIn.emailNotVerified" };
  if (code === "suspended") return { key: "auth.signIn.suspended" };
  const limited = /^rateLimited(?::(\d{1,9}))?$/.exec(code ?? "");
  if (limited) {
    const seconds = Number(limited[1] ?? 60);
    return { key: "auth.signIn.rateLimited", values: { minutes: Math.max(1, Math.ceil(seconds / 60)) } };
  }
  return { key: "errors.generic" };
}

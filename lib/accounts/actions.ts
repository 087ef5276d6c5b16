"use server";

import { revalidatePath } from "next/cache";

import { publicAction, userAction, type ActionResult } from "@/lib/actions/action";
import {
  changePassword,
  confirmEmailChange,
  deleteMyAccount,
  requestEmailChange,
  signOutEverywhere,
  updateAccount,
} from "./account";
import { requestPasswordReset, resetPassword } from "./password-reset";
import {
  ZChangePasswordSchema,
  ZConfirmEmailChangeSchema,
  ZDeleteAccountSchema,
  ZNoInputSchema,
  ZRequestEmailChangeSchema,
  ZRequestPasswordResetSchema,
  ZResendVerificationSchema,
  ZResetPasswordSchema,
  ZSignUpSchema,
  ZUpdateAccountSchema,
  ZVerifyEmailSchema,
} from "./schemas";
import { signUp, type SignUpResult } from "./sign-up";
import { resendVerification, verifyEmail } from "./verify-email";

// Server actions for accounts. Each one is a thin entry point: the wrapper
// parses the input with the form's zod schema and loads the session; the
// domain function in lib/accounts does the work. A "use server" file may
// export only async functions, hence the named wrappers around the handlers.

function actor(user: { id: string; email: string }) {
  return { id: user.id, email: user.email };
}

const signUpHandler = publicAction(ZSignUpSchema, (input, ctx) => signUp(input, ctx));
export async function signUpAction(input: unknown): Promise<ActionResult<SignUpResult>> {
  return signUpHandler(input);
}

const resendVerificationHandler = publicAction(ZResendVerificationSchema, (input) => resendVerification(input));
export async function resendVerificationAction(input: unknown): Promise<ActionResult<void>> {
  return resendVerificationHandler(input);
}

const verifyEmailHandler = publicAction(ZVerifyEmailSchema, (input, ctx) => verifyEmail(input, ctx));
export async function verifyEmailAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return verifyEmailHandler(input);
}

const requestPasswordResetHandler = publicAction(ZRequestPasswordResetSchema, (input) => requestPasswordReset(input));
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<void>> {
  return requestPasswordResetHandler(input);
}

const resetPasswordHandler = publicAction(ZResetPasswordSchema, (input, ctx) => resetPassword(input, ctx));
export async function resetPasswordAction(input: unknown): Promise<ActionResult<void>> {
  return resetPasswordHandler(input);
}

const updateAccountHandler = userAction(ZUpdateAccountSchema, async (input, ctx) => {
  await updateAccount(input, { actor: actor(ctx.user), ip: ctx.ip });
  // The language may have changed: every page renders again in it.
  revalidatePath("/", "layout");
});
export async function updateAccountAction(input: unknown): Promise<ActionResult<void>> {
  return updateAccountHandler(input);
}

/** Ends every session, this one included: the form then signs out and goes to /signin. */
const changePasswordHandler = userAction(ZChangePasswordSchema, (input, ctx) =>
  changePassword(input, { actor: actor(ctx.user), ip: ctx.ip }),
);
export async function changePasswordAction(input: unknown): Promise<ActionResult<void>> {
  return changePasswordHandler(input);
}

const requestEmailChangeHandler = userAction(ZRequestEmailChangeSchema, (input, ctx) =>
  requestEmailChange(input, { actor: actor(ctx.user), ip: ctx.ip }),
);
export async function requestEmailChangeAction(input: unknown): Promise<ActionResult<void>> {
  return requestEmailChangeHandler(input);
}

// Public: the link may be opened on a device where the user is not signed in.
const confirmEmailChangeHandler = publicAction(ZConfirmEmailChangeSchema, async (input, ctx) => {
  const result = await confirmEmailChange(input, ctx);
  revalidatePath("/", "layout");
  return result;
});
export async function confirmEmailChangeAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return confirmEmailChangeHandler(input);
}

const signOutEverywhereHandler = userAction(ZNoInputSchema, (_input, ctx) =>
  signOutEverywhere({ actor: actor(ctx.user), ip: ctx.ip }),
);
export async function signOutEverywhereAction(input?: unknown): Promise<ActionResult<void>> {
  return signOutEverywhereHandler(input);
}

const deleteAccountHandler = userAction(ZDeleteAccountSchema, (input, ctx) =>
  deleteMyAccount(input, { actor: actor(ctx.user), ip: ctx.ip }),
);
export async function deleteAccountAction(input: unknown): Promise<ActionResult<void>> {
  return deleteAccountHandler(input);
}

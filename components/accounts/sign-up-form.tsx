"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { buttonClasses, Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUpAction } from "@/lib/accounts/actions";
import { ZSignUpSchema, type TSignUpSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

export type SignUpInvite = { token: string; email: string; orgName: string };

type Done =
  | { kind: "checkInbox"; email: string }
  | { kind: "joined"; orgName: string }
  | { kind: "joinedSignInFailed" };

/**
 * Name, e-mail and password. From an invitation link the e-mail is the
 * invitation's and cannot be changed; such a sign-up joins the organisation
 * at once and signs in with the password just chosen.
 */
export function SignUpForm({ invite }: { invite?: SignUpInvite }) {
  const t = useTranslations("SignUp");
  const common = useTranslations("AuthCommon");
  const locale = useLocale();
  const router = useRouter();
  const errorText = useErrorText();
  const [done, setDone] = useState<Done | null>(null);

  const form = useForm<TSignUpSchema, unknown, z.output<typeof ZSignUpSchema>>({
    resolver: zodResolver(ZSignUpSchema),
    defaultValues: { name: "", email: invite?.email ?? "", password: "", locale, inviteToken: invite?.token },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, setFormError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    const input = { ...values, locale, inviteToken: invite?.token, email: invite?.email ?? values.email };
    const result = await run(() => signUpAction(input));
    if (!result?.ok) return;
    if (result.data.kind === "checkInbox") {
      setDone({ kind: "checkInbox", email: input.email });
      return;
    }
    const orgSlug = result.data.orgSlug;
    setDone({ kind: "joined", orgName: invite?.orgName ?? "" });
    try {
      const signedIn = await signIn("credentials", { redirect: false, email: input.email, password: values.password });
      if (signedIn?.ok && !signedIn.error) {
        router.push(`/o/${encodeURIComponent(orgSlug)}`);
        router.refresh();
        return;
      }
    } catch {
      // fall through to the manual sign-in
    }
    setFormError(null);
    setDone({ kind: "joinedSignInFailed" });
  });

  if (done?.kind === "checkInbox") {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success" title={t("checkInboxTitle")}>
          {t("checkInboxBody", { email: done.email })}
        </Alert>
        {invite ? (
          <div className="flex flex-col gap-2 text-sm text-muted">
            <p>{t("inviteExistingAccount")}</p>
            <Link
              href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${invite.token}`)}`}
              className={buttonClasses({ variant: "secondary", className: "self-start" })}
            >
              {t("signInToAccept")}
            </Link>
          </div>
        ) : (
          <p className="text-sm text-muted">
            {t("checkInboxHint")}{" "}
            <Link href="/verify-email" className="font-medium text-brand-700 underline-offset-4 hover:underline">
              {t("resendLink")}
            </Link>
          </p>
        )}
      </div>
    );
  }

  if (done?.kind === "joined") {
    return (
      <Alert variant="success">
        <span aria-busy="true">{t("joined", { orgName: done.orgName })}</span>
      </Alert>
    );
  }

  if (done?.kind === "joinedSignInFailed") {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="info">{t("joinedSignInFailed")}</Alert>
        <Link href="/signin" className={buttonClasses({ className: "self-start" })}>
          {t("signInLink")}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("name")} error={errorText(errors.name)} isRequired>
        <Input autoComplete="name" autoFocus maxLength={100} {...form.register("name")} />
      </Field>
      <Field
        label={t("email")}
        description={invite ? t("emailLocked") : undefined}
        error={errorText(errors.email)}
        isRequired
      >
        <Input
          type="email"
          autoComplete="email"
          inputMode="email"
          readOnly={invite !== undefined}
          aria-readonly={invite !== undefined || undefined}
          className={invite ? "bg-canvas text-muted" : undefined}
          {...form.register("email")}
        />
      </Field>
      <Field label={t("password")} description={common("passwordHint")} error={errorText(errors.password)} isRequired>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" isLoading={isSubmitting} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resendVerificationAction } from "@/lib/accounts/actions";
import { ZSignInSchema, type TSignInSchema } from "@/lib/accounts/schemas";
import { signInErrorMessage } from "@/lib/accounts/sign-in-error";
import { Alert } from "@/components/ui/alert";
import { useErrorText } from "./use-action-form";

/**
 * E-mail and password through next-auth's credentials provider. The error
 * codes `authorize` throws come back in `result.error` and are shown as one
 * message (the same for a wrong e-mail and a wrong password).
 */
export function SignInForm({
  callbackUrl,
  initialError,
  defaultEmail = "",
}: {
  /** Already checked to be a path on this site (lib/accounts/callback-url.ts). */
  callbackUrl: string;
  /** An ?error= code from a next-auth redirect. */
  initialError?: string;
  defaultEmail?: string;
}) {
  const t = useTranslations("SignIn");
  const root = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const inFlight = useRef(false);
  const [isRedirecting, setIsRedirecting] = useState(false);
  const [formError, setFormError] = useState<string | null>(() => (initialError ? message(initialError) : null));

  const form = useForm<TSignInSchema, unknown, { email: string; password: string }>({
    resolver: zodResolver(ZSignInSchema),
    defaultValues: { email: defaultEmail, password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  function message(code: string | null | undefined): string {
    const mapped = signInErrorMessage(code);
    return "values" in mapped ? root(mapped.key, mapped.values) : root(mapped.key);
  }

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const result = await signIn("credentials", { redirect: false, email, password, callbackUrl });
      if (result?.ok && !result.error) {
        setIsRedirecting(true);
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      const code = result?.error ?? null;
      // The password was right but the address is unconfirmed: send a fresh
      // link (the message says so). Its outcome does not change the message.
      if (code === "emailNotVerified") await resendVerificationAction({ email }).catch(() => undefined);
      setFormError(message(code));
      form.setValue("password", "");
      form.setFocus("password");
    } catch {
      setFormError(root("errors.generic"));
    } finally {
      inFlight.current = false;
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("email")} error={errorText(errors.email)} isRequired>
        <Input type="email" autoComplete="email" inputMode="email" autoFocus {...form.register("email")} />
      </Field>
      <Field label={t("password")} error={errorText(errors.password)} isRequired>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <div className="-mt-2 text-end text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          {t("forgotPassword")}
        </Link>
      </div>
      <Button type="submit" isLoading={isSubmitting || isRedirecting} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}

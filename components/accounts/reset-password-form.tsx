"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { ZResetPasswordSchema, type TResetPasswordSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

/** The new password for a reset link; then on to sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("ResetPassword");
  const common = useTranslations("AuthCommon");
  const errorText = useErrorText();
  const router = useRouter();
  const [isRedirecting, setIsRedirecting] = useState(false);
  const form = useForm<TResetPasswordSchema, unknown, z.output<typeof ZResetPasswordSchema>>({
    resolver: zodResolver(ZResetPasswordSchema),
    defaultValues: { token, password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await run(() => resetPasswordAction(values));
    if (!result?.ok) return;
    setIsRedirecting(true);
    router.push("/signin?notice=passwordReset");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("password")} description={common("passwordHint")} error={errorText(errors.password)} isRequired>
        <Input type="password" autoComplete="new-password" autoFocus {...form.register("password")} />
      </Field>
      <Button type="submit" isLoading={isSubmitting || isRedirecting} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}

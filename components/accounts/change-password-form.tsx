"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/accounts/actions";
import { ZChangePasswordSchema, type TChangePasswordSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

/** A password change ends every session; this browser then signs out and goes to /signin with a notice. */
export function ChangePasswordForm() {
  const t = useTranslations("Account.password");
  const common = useTranslations("AuthCommon");
  const errorText = useErrorText();
  const [isLeaving, setIsLeaving] = useState(false);
  const form = useForm<TChangePasswordSchema, unknown, z.output<typeof ZChangePasswordSchema>>({
    resolver: zodResolver(ZChangePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionSubmit(form);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await run(() => changePasswordAction(values));
    if (!result?.ok) return;
    setIsLeaving(true);
    await signOut({ callbackUrl: "/signin?notice=passwordChanged" });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label={t("current")} error={errorText(errors.currentPassword)} isRequired>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label={t("new")} description={common("passwordHint")} error={errorText(errors.newPassword)} isRequired>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Button type="submit" isLoading={isSubmitting || isLeaving} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}

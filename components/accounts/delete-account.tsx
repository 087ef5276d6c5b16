"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deleteAccountAction } from "@/lib/accounts/actions";
import { ZDeleteAccountSchema, type TDeleteAccountSchema } from "@/lib/accounts/schemas";
import { Alert } from "@/components/ui/alert";
import { useActionSubmit, useErrorText } from "./use-action-form";

/**
 * Deletes the account after the password is typed again. Refused, with the
 * names of the organisations, while the user is their last owner.
 */
export function DeleteAccount() {
  const t = useTranslations("Account.delete");
  const errorText = useErrorText();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [isLeaving, setIsLeaving] = useState(false);
  const form = useForm<TDeleteAccountSchema, unknown, z.output<typeof ZDeleteAccountSchema>>({
    resolver: zodResolver(ZDeleteAccountSchema),
    defaultValues: { password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { formError, setFormError, run } = useActionSubmit(form);
  const isBusy = isSubmitting || isLeaving;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await run(() => deleteAccountAction(values));
    if (!result?.ok) return;
    setIsLeaving(true);
    await signOut({ callbackUrl: "/signin?notice=accountDeleted" });
  });

  function changeOpen(next: boolean) {
    if (isBusy) return;
    setOpen(next);
    if (!next) {
      form.reset({ password: "" });
      setFormError(null);
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => changeOpen(true)}>
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={changeOpen}
        isDismissible={!isBusy}
        title={t("confirmTitle")}
        description={t("confirmBody")}
        footer={
          <>
            <Button variant="secondary" onClick={() => changeOpen(false)} disabled={isBusy}>
              {t("cancel")}
            </Button>
            <Button type="submit" form={formId} variant="danger" isLoading={isBusy}>
              {t("submit")}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError ? <Alert>{formError}</Alert> : null}
          <Field label={t("password")} error={errorText(errors.password)} isRequired>
            <Input type="password" autoComplete="current-password" autoFocus {...form.register("password")} />
          </Field>
        </form>
      </Dialog>
    </>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { Button, buttonClasses } from "@/components/ui/button";
import { confirmEmailChangeAction } from "@/lib/accounts/actions";
import { Alert } from "@/components/ui/alert";
import { useTokenConfirmation } from "./use-token-confirmation";

/** Confirms a new e-mail address with a POST, so a link scanner cannot do it. */
export function ConfirmEmailChange({ token }: { token: string }) {
  const t = useTranslations("ConfirmEmail");
  const { state, isPending, confirm } = useTokenConfirmation(token, confirmEmailChangeAction);

  if (state.kind === "done") {
    return (
      <div className="flex flex-col gap-5">
        <Alert variant="success" title={t("successTitle")}>
          {t("successBody", { email: state.email })}
        </Alert>
        <Link href="/account" className={buttonClasses({ className: "w-full" })}>
          {t("toAccount")}
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-5">
      {state.kind === "error" ? <Alert>{state.message}</Alert> : null}
      {state.kind === "error" ? (
        <Link href="/account" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
          {t("requestNew")}
        </Link>
      ) : (
        <Button onClick={confirm} isLoading={isPending} className="w-full">
          {t("confirm")}
        </Button>
      )}
    </div>
  );
}

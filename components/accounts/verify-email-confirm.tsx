"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { Button, buttonClasses } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/accounts/actions";
import { Alert } from "@/components/ui/alert";
import { useTokenConfirmation } from "./use-token-confirmation";
import { ResendVerificationForm } from "./resend-verification-form";

/**
 * The button that uses the token. It is a POST (a server action), so a mail
 * scanner that opens the link does not confirm the address, or spend the link.
 */
export function VerifyEmailConfirm({ token }: { token: string }) {
  const t = useTranslations("VerifyEmail");
  const { state, isPending, confirm } = useTokenConfirmation(token, verifyEmailAction);

  if (state.kind === "done") {
    return (
      <div className="flex flex-col gap-5">
        <Alert variant="success" title={t("successTitle")}>
          {t("successBody", { email: state.email })}
        </Alert>
        <Link href="/signin?notice=verified" className={buttonClasses({ className: "w-full" })}>
          {t("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {state.kind === "error" ? <Alert>{state.message}</Alert> : null}
      <Button onClick={confirm} isLoading={isPending} className="w-full">
        {t("confirm")}
      </Button>
      {state.kind === "error" ? (
        <>
          <hr className="border-line" />
          <ResendVerificationForm />
        </>
      ) : null}
    </div>
  );
}

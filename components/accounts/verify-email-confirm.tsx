"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { Button, buttonClasses } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/accounts/actions";
import { Alert } from "@/components/ui/alert";
import { ResendVerificationForm } from "./resend-verification-form";

/**
 * The button that uses the token. It is a POST (a server action), so a mail
 * scanner that opens the link does not confirm the address, or spend the link.
 */
export function VerifyEmailConfirm({ token }: { token: string }) {
  const t = useTranslations("VerifyEmail");
  const root = useTranslations();
  const inFlight = useRef(false);
  const [isPending, setIsPending] = useState(false);
  const [state, setState] = useState<{ kind: "idle" } | { kind: "done"; email: string } | { kind: "error"; message: string }>({
    kind: "idle",
  });

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    setIsPending(true);
    try {
      const result = await verifyEmailAction({ token });
      setState(result.ok ? { kind: "done", email: result.data.email } : { kind: "error", message: result.error });
    } catch {
      setState({ kind: "error", message: root("errors.generic") });
    } finally {
      inFlight.current = false;
      setIsPending(false);
    }
  }

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

"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { signOutEverywhereAction } from "@/lib/accounts/actions";
import { Alert } from "@/components/ui/alert";

/** Ends every session of the account (the session version moves on), then leaves for /signin. */
export function SignOutEverywhere() {
  const t = useTranslations("Account.sessions");
  const root = useTranslations();
  const [open, setOpen] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    setIsPending(true);
    setError(null);
    try {
      const result = await signOutEverywhereAction();
      if (!result.ok) {
        setError(result.error);
        setIsPending(false);
        return;
      }
      await signOut({ callbackUrl: "/signin?notice=signedOutEverywhere" });
    } catch {
      setError(root("errors.generic"));
      setIsPending(false);
    } finally {
      inFlight.current = false;
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("submit")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !isPending && setOpen(next)}
        isDismissible={!isPending}
        title={t("confirmTitle")}
        description={t("confirmBody")}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button onClick={confirm} isLoading={isPending}>
              {t("confirm")}
            </Button>
          </>
        }
      >
        {error ? <Alert>{error}</Alert> : null}
      </Dialog>
    </>
  );
}

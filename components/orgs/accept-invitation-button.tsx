"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { acceptInvitationAction } from "@/lib/orgs/actions";
import { ActionError } from "@/components/ui/alert";
import { useServerAction } from "./use-server-action";

/** Accepts the invitation; the action takes the new member to the organisation. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const t = useTranslations("InvitePage");
  const { run, isPending, error } = useServerAction();
  return (
    <div className="flex flex-col gap-3">
      <ActionError message={error} />
      <Button size="lg" isLoading={isPending} onClick={() => run(() => acceptInvitationAction({ token }))}>
        {t("accept")}
      </Button>
    </div>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/auth/permissions";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/orgs/actions";
import { ActionError } from "@/components/ui/alert";
import { RoleBadge } from "./role-badge";
import { useServerAction } from "./use-server-action";

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  isExpired: boolean;
  canManage: boolean;
  invitedBy: { name: string } | null;
}

/** Invitations not yet accepted, with "send again" and "revoke". */
export function InvitationsList({ orgSlug, invitations }: { orgSlug: string; invitations: InvitationRow[] }) {
  const t = useTranslations("OrgInvitations");

  if (invitations.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <ul aria-label={t("listLabel")} className="divide-y divide-line rounded-card border border-line bg-surface shadow-xs">
      {invitations.map((invitation) => (
        <InvitationItem key={invitation.id} orgSlug={orgSlug} invitation={invitation} />
      ))}
    </ul>
  );
}

function InvitationItem({ orgSlug, invitation }: { orgSlug: string; invitation: InvitationRow }) {
  const t = useTranslations("OrgInvitations");
  const format = useFormatter();
  const { toast } = useToast();
  const resend = useServerAction();
  const revoke = useServerAction();
  const ref = { orgSlug, invitationId: invitation.id };
  const isBusy = resend.isPending || revoke.isPending;

  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <span className="font-medium break-all text-ink">{invitation.email}</span>
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <RoleBadge role={invitation.role} />
          {invitation.isExpired ? (
            <span className="font-medium text-red-700">{t("expired")}</span>
          ) : (
            <span>{t("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium" }) })}</span>
          )}
          {invitation.invitedBy ? <span>{t("invitedBy", { name: invitation.invitedBy.name })}</span> : null}
        </span>
        <ActionError message={resend.error ?? revoke.error} className="mt-1" />
      </div>
      {invitation.canManage ? (
        <div className="flex shrink-0 gap-2">
          <Button
            size="sm"
            variant="secondary"
            isLoading={resend.isPending}
            disabled={isBusy}
            aria-label={t("resendLabel", { email: invitation.email })}
            onClick={() =>
              resend.run(
                () => resendInvitationAction(ref),
                () => toast({ title: t("resent", { email: invitation.email }), variant: "success" }),
              )
            }
          >
            {t("resend")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            isLoading={revoke.isPending}
            disabled={isBusy}
            aria-label={t("revokeLabel", { email: invitation.email })}
            onClick={() =>
              revoke.run(
                () => revokeInvitationAction(ref),
                () => toast({ title: t("revoked", { email: invitation.email }), variant: "success" }),
              )
            }
          >
            {t("revoke")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

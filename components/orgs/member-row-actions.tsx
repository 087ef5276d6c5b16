"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/auth/permissions";
import {
  changeMemberRoleAction,
  leaveOrganizationAction,
  removeMemberAction,
  transferOwnershipAction,
} from "@/lib/orgs/actions";
import { ActionError } from "@/components/ui/alert";
import type { MemberRow } from "./members-table";
import { useServerAction } from "./use-server-action";

type DialogKind = "role" | "remove" | "transfer" | "leave";

/** The buttons of one member row, each opening a dialog that confirms the change. */
export function MemberRowActions({
  org,
  member,
  assignableRoles,
}: {
  org: { slug: string; name: string };
  member: MemberRow;
  assignableRoles: Role[];
}) {
  const t = useTranslations("OrgMembers");
  const roles = useTranslations("orgs.roles");
  const { toast } = useToast();
  const { run, isPending, error, reset } = useServerAction();
  const [open, setOpen] = useState<DialogKind | null>(null);
  const [role, setRole] = useState<Role>(member.role);
  const name = member.user.name;

  const show = (kind: DialogKind) => {
    reset();
    setRole(member.role);
    setOpen(kind);
  };
  const close = () => {
    if (!isPending) setOpen(null);
  };
  const done = (title: string) => () => {
    setOpen(null);
    toast({ title, variant: "success" });
  };

  const ref = { orgSlug: org.slug, membershipId: member.id };
  const confirm = {
    role: () => run(() => changeMemberRoleAction({ ...ref, role }), done(t("roleChanged", { name, role: roles(role) }))),
    remove: () => run(() => removeMemberAction(ref), done(t("removed", { name }))),
    transfer: () => run(() => transferOwnershipAction(ref), done(t("transferred", { name }))),
    // Redirects to /orgs: the page is no longer ours to see.
    leave: () => run(() => leaveOrganizationAction({ orgSlug: org.slug })),
  };

  const buttons: { kind: DialogKind; label: string; isShown: boolean; variant: "secondary" | "ghost" }[] = [
    { kind: "role", label: t("changeRole"), isShown: member.canChangeRole && assignableRoles.length > 0, variant: "secondary" },
    { kind: "transfer", label: t("transfer"), isShown: member.canTransferOwnership, variant: "secondary" },
    { kind: "remove", label: t("remove"), isShown: member.canRemove, variant: "ghost" },
    { kind: "leave", label: t("leave"), isShown: member.canLeave, variant: "ghost" },
  ];
  const visible = buttons.filter((b) => b.isShown);
  if (visible.length === 0) return null;

  const dialogs: Record<DialogKind, { title: string; description: string; confirmLabel: string; isDanger: boolean }> = {
    role: { title: t("changeRoleTitle", { name }), description: t("changeRoleDescription"), confirmLabel: t("save"), isDanger: false },
    remove: {
      title: t("removeTitle", { name }),
      description: t("removeDescription", { name, org: org.name }),
      confirmLabel: t("removeConfirm"),
      isDanger: true,
    },
    transfer: {
      title: t("transferTitle", { name }),
      description: t("transferDescription", { name, org: org.name }),
      confirmLabel: t("transferConfirm"),
      isDanger: true,
    },
    leave: {
      title: t("leaveTitle", { org: org.name }),
      description: t("leaveDescription"),
      confirmLabel: t("leaveConfirm"),
      isDanger: true,
    },
  };
  const current = open ? dialogs[open] : null;

  return (
    <div role="group" aria-label={t("actionsFor", { name })} className="flex flex-wrap justify-end gap-2">
      {visible.map((b) => (
        <Button key={b.kind} size="sm" variant={b.variant} onClick={() => show(b.kind)}>
          {b.label}
        </Button>
      ))}
      <Dialog
        open={open !== null}
        onOpenChange={(next) => (next ? undefined : close())}
        isDismissible={!isPending}
        title={current?.title ?? ""}
        description={current?.description}
        size="sm"
        className="text-start"
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={isPending}>
              {t("cancel")}
            </Button>
            <Button variant={current?.isDanger ? "danger" : "primary"} isLoading={isPending} onClick={() => open && confirm[open]()}>
              {current?.confirmLabel}
            </Button>
          </>
        }
      >
        {open === "role" || error ? (
          <div className="flex flex-col gap-4">
            <ActionError message={error} />
            {open === "role" ? (
              <Field label={t("newRole")}>
                <Select
                  value={role}
                  onChange={(event) => setRole(event.target.value as Role)}
                  options={assignableRoles.map((r) => ({ value: r, label: roles(r) }))}
                />
              </Field>
            ) : null}
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}

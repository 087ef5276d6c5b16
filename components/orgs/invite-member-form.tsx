"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/auth/permissions";
import { inviteMemberAction } from "@/lib/orgs/actions";
import { ZInviteMemberSchema, type TInviteMemberSchema } from "@/lib/orgs/schemas";
import { ActionError } from "@/components/ui/alert";
import { useServerAction, useZodMessage } from "./use-server-action";

/** E-mail and role (only the roles the inviter may give). */
export function InviteMemberForm({ orgSlug, assignableRoles }: { orgSlug: string; assignableRoles: Role[] }) {
  const t = useTranslations("OrgInvitations");
  const roles = useTranslations("orgs.roles");
  const zodMessage = useZodMessage();
  const { toast } = useToast();
  const { run, isPending, error, fieldErrors } = useServerAction();
  const defaultRole: Role = assignableRoles.includes("MEMBER") ? "MEMBER" : (assignableRoles.at(-1) ?? "MEMBER");
  const form = useForm<TInviteMemberSchema>({
    resolver: zodResolver(ZInviteMemberSchema),
    defaultValues: { orgSlug, email: "", role: defaultRole },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    run(
      () => inviteMemberAction(values),
      (data) => {
        toast({ title: t("sent", { email: data.email }), variant: "success" });
        form.reset({ orgSlug, email: "", role: values.role });
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ActionError message={error} />
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field label={t("email")} error={fieldErrors.email ?? zodMessage(errors.email?.message)} isRequired>
          <Input type="email" autoComplete="off" maxLength={254} {...form.register("email")} />
        </Field>
        <Field label={t("inviteRole")} error={fieldErrors.role ?? zodMessage(errors.role?.message)} isRequired>
          <Select options={assignableRoles.map((r) => ({ value: r, label: roles(r) }))} {...form.register("role")} />
        </Field>
      </div>
      <div>
        <Button type="submit" isLoading={isPending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

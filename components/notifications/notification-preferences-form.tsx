"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { updateNotificationPreferencesAction } from "@/lib/notifications/actions";
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KIND_LIST, type NotificationDeliveryChoice, type NotificationKind } from "@/lib/notifications/kinds";
import type { NotificationPreferences } from "@/lib/notifications/preferences";
import { ZUpdateNotificationPreferencesSchema } from "@/lib/notifications/schemas";

const GROUPS = ["request", "partnership", "profile", "recommendations"] as const;
type Group = (typeof GROUPS)[number];

function groupOf(kind: NotificationKind): Group {
  return kind.split(".")[0] as Group;
}

/**
 * For each kind of notification: an e-mail at once, in the weekly digest, or
 * none (the notice is always in the app). A plain controlled form rather than
 * react-hook-form: the kinds contain dots, which react-hook-form reads as
 * nested fields; the values are checked with the action's own zod schema.
 */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const t = useTranslations("NotificationPreferences");
  const root = useTranslations();
  const { toast } = useToast();
  const [values, setValues] = useState<NotificationPreferences>(preferences);
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const inFlight = useRef(false);

  const options = NOTIFICATION_DELIVERIES.map((delivery) => ({ value: delivery, label: t(`deliveries.${delivery}`) }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return; // a double click sends once
    const parsed = ZUpdateNotificationPreferencesSchema.safeParse({ preferences: values });
    if (!parsed.success) {
      setFormError(root("notifications.errors.invalidPreferences"));
      return;
    }
    inFlight.current = true;
    setIsSaving(true);
    setFormError(null);
    try {
      const result = await updateNotificationPreferencesAction(parsed.data);
      if (!result.ok) {
        setFormError(result.error);
        return;
      }
      setValues(result.data);
      toast({ title: t("saved"), variant: "success" });
    } catch {
      setFormError(root("errors.generic"));
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError ? <Alert>{formError}</Alert> : null}
      {GROUPS.map((group) => (
        <fieldset key={group} className="flex flex-col gap-4">
          <legend className="mb-3 text-sm font-semibold text-ink">{t(`groups.${group}`)}</legend>
          {NOTIFICATION_KIND_LIST.filter((kind) => groupOf(kind) === group).map((kind) => (
            <Field key={kind} label={t(`kinds.${kind}`)} className="sm:grid sm:grid-cols-[1fr_12rem] sm:items-center sm:gap-4">
              <Select
                name={kind}
                options={options}
                value={values[kind]}
                onChange={(event) => setValues((current) => ({ ...current, [kind]: event.target.value as NotificationDeliveryChoice }))}
              />
            </Field>
          ))}
        </fieldset>
      ))}
      <Button type="submit" isLoading={isSaving} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}

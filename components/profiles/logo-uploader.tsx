"use client";

import Image from "next/image";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";

import { Spinner } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { uploadLogoAction } from "@/lib/profiles/actions";
import { LOGO_ACCEPT, MAX_LOGO_BYTES } from "@/lib/profiles/logo-rules";
import { cn } from "@/lib/utils/cn";

/**
 * Shows the logo and, for editors, uploads a new one as soon as a file is
 * chosen. The size is checked here first (a 20 MB photo should not travel
 * to be refused); the type is checked on the server from the bytes.
 */
export function LogoUploader({ orgSlug, orgName, logoUrl, canEdit }: { orgSlug: string; orgName: string; logoUrl: string | null; canEdit: boolean }) {
  const t = useTranslations("LogoUploader");
  const tr = useTranslations();
  const id = useId();
  const router = useRouter();
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState(logoUrl);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const upload = (file: File) => {
    setError(null);
    if (file.size > MAX_LOGO_BYTES) {
      setError(tr("profiles.logo.tooLarge"));
      if (input.current) input.current.value = "";
      return;
    }
    const formData = new FormData();
    formData.set("orgSlug", orgSlug);
    formData.set("logo", file);
    startTransition(async () => {
      try {
        const result = await uploadLogoAction(formData);
        if (result.ok) {
          setPreview(result.data.logoUrl);
          toast({ title: t("uploaded"), variant: "success" });
          router.refresh();
        } else {
          setError(result.fieldErrors?.logo ?? result.error);
        }
      } catch {
        // The request itself failed (connection lost, body refused by the server).
        setError(tr("errors.generic"));
      } finally {
        if (input.current) input.current.value = "";
      }
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <h2 className="text-base font-semibold text-ink">{t("title")}</h2>
      <div className="flex items-center gap-4">
        <div className="flex size-24 shrink-0 items-center justify-center overflow-hidden rounded-xl border border-line bg-canvas">
          {preview ? (
            <Image src={preview} alt={t("current", { name: orgName })} width={96} height={96} unoptimized className="size-24 object-contain" />
          ) : (
            <span className="px-2 text-center text-xs text-muted">{t("none")}</span>
          )}
        </div>
        {canEdit ? <p className="text-sm text-muted" id={`${id}-d`}>{t("description")}</p> : null}
      </div>
      {canEdit ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-file`} className="text-sm font-medium text-ink">
            {preview ? t("replace") : t("choose")}
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            name="logo"
            accept={LOGO_ACCEPT}
            disabled={isPending}
            aria-describedby={`${id}-d${error ? ` ${id}-e` : ""}`}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) upload(file);
            }}
            className={cn(
              "block w-full text-sm text-muted file:me-3 file:rounded-lg file:border file:border-line-strong file:bg-surface file:px-3 file:py-2",
              "file:text-sm file:font-medium file:text-ink hover:file:bg-brand-50 disabled:opacity-60",
            )}
          />
          {isPending ? (
            <p className="flex items-center gap-2 text-sm text-muted" role="status">
              <Spinner /> {t("uploading")}
            </p>
          ) : null}
          <div role="alert" id={`${id}-e`} className={error ? "text-sm font-medium text-red-700" : "sr-only"}>
            {error}
          </div>
        </div>
      ) : null}
    </div>
  );
}

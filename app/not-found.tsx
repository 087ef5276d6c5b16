import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");

  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-20 text-center sm:px-6 sm:py-28">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("code")}</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance text-ink sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-lg text-pretty text-muted">{t("description")}</p>
      <div className="mt-8 flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
        <Link href="/" className={buttonClasses()}>
          {t("home")}
        </Link>
        <Link href="/clusters" className={buttonClasses({ variant: "secondary" })}>
          {t("directory")}
        </Link>
      </div>
    </div>
  );
}

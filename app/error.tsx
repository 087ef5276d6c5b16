"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";

// Errors from Server Components reach the browser as a generic message and a
// digest that matches the server log; we show only the digest, never the
// message or a stack trace.
function digestOf(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return undefined;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("ErrorPage");
  const digest = digestOf(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6 sm:py-24">
      <ErrorState
        headingLevel={1}
        title={t("title")}
        description={t("description")}
        reference={digest ? t("reference", { digest }) : undefined}
        action={
          <>
            <Button onClick={() => retry()}>{t("retry")}</Button>
            <Link href="/" className={buttonClasses({ variant: "secondary" })}>
              {t("home")}
            </Link>
          </>
        }
      />
    </div>
  );
}

"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useOptimistic, useTransition } from "react";

import { Checkbox } from "@/components/ui/checkbox";

/** "Include my country", kept in the URL (?own=1) so that a link or the back button keeps the view. */
export function IncludeOwnCountrySwitch({ isChecked }: { isChecked: boolean }) {
  const t = useTranslations("Recommendations");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  // Ticked at once, while the new list loads.
  const [shownChecked, setShownChecked] = useOptimistic(isChecked);

  return (
    <Checkbox
      label={t("includeOwnCountry")}
      description={t("includeOwnCountryDescription")}
      checked={shownChecked}
      aria-busy={isPending || undefined}
      onChange={(event) => {
        const params = new URLSearchParams(searchParams.toString());
        if (event.target.checked) params.set("own", "1");
        else params.delete("own");
        const query = params.toString();
        const isNowChecked = event.target.checked;
        startTransition(() => {
          setShownChecked(isNowChecked);
          router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
        });
      }}
    />
  );
}

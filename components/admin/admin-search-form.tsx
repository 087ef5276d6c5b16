import Link from "next/link";

import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/control-styles";
import { cn } from "@/lib/utils/cn";

/**
 * A plain GET form: the search text lands in the URL (`?q=`), so a search can
 * be shared and the back button undoes it; it works without JavaScript.
 * Submitting starts again at page 1 (the page number is not carried over).
 */
export function AdminSearchForm({
  action,
  query,
  perPage,
  label,
  placeholder,
  submitLabel,
  clearLabel,
}: {
  action: string;
  query: string;
  /** Kept across searches when the reader chose one. */
  perPage?: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  clearLabel: string;
}) {
  return (
    <form method="get" action={action} role="search" className="flex flex-col gap-1.5">
      <label htmlFor="admin-search" className="text-sm font-medium text-ink">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id="admin-search"
          type="search"
          name="q"
          defaultValue={query}
          placeholder={placeholder}
          maxLength={200}
          autoComplete="off"
          className={cn(controlClasses, "h-10 sm:max-w-sm")}
        />
        {perPage ? <input type="hidden" name="perPage" value={perPage} /> : null}
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses({ variant: "secondary" })}>
            {submitLabel}
          </button>
          {query ? (
            <Link href={action} className={buttonClasses({ variant: "ghost" })}>
              {clearLabel}
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

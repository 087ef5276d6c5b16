import { useTranslations } from "next-intl";

import { TieGlyph } from "@/components/layout/tie-glyph";
import { tieKind, type TieStrength } from "@/lib/partnerships/schemas";
import { cn } from "@/lib/utils/cn";

const tones: Record<TieStrength, string> = {
  WEAK: "border-brand-200 bg-brand-50 text-brand-900",
  DURABLE: "border-brand-300 bg-brand-100 text-brand-950",
  COVALENT: "border-orange-200 bg-orange-50 text-orange-950",
};

/** The tie's name with its bond glyph (dashed, double, triple line). Works in server and client components. */
export function TieBadge({ tie, className }: { tie: TieStrength; className?: string }) {
  const t = useTranslations("partnerships.ties");
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border py-0.5 ps-1 pe-2.5 text-xs font-medium whitespace-nowrap",
        tones[tie],
        className,
      )}
    >
      <TieGlyph kind={tieKind(tie)} className="h-4 w-8" />
      {t(tie)}
    </span>
  );
}

import { cn } from "@/lib/utils/cn";

export type TieKind = "weak" | "durable" | "covalent";

const colors: Record<TieKind, string> = {
  weak: "text-tie-weak",
  durable: "text-tie-durable",
  covalent: "text-tie-covalent",
};

/**
 * Two clusters and the bond between them, drawn like a chemical bond: a
 * dashed single line (weak), a double line (durable), a triple line
 * (covalent). Decorative: the tie's name is always written next to it.
 * Its size is the className's (h-10 w-20 when none is given).
 */
export function TieGlyph({ kind, className }: { kind: TieKind; className?: string }) {
  const lines = kind === "weak" ? [20] : kind === "durable" ? [16.5, 23.5] : [14, 20, 26];
  return (
    <svg aria-hidden="true" viewBox="0 0 80 40" className={cn(colors[kind], className ?? "h-10 w-20")}>
      {lines.map((y) => (
        <line
          key={y}
          x1="22"
          x2="58"
          y1={y}
          y2={y}
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeDasharray={kind === "weak" ? "4 5" : undefined}
        />
      ))}
      <circle cx="14" cy="20" r="11" fill="var(--color-surface)" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="66" cy="20" r="11" fill="var(--color-surface)" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="14" cy="20" r="4" fill="currentColor" />
      <circle cx="66" cy="20" r="4" fill="currentColor" />
    </svg>
  );
}

import { cn } from "@/lib/utils/cn";

/** Two atoms sharing a pair of electrons: the covalent bond. Decorative. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={cn("size-7", className)}>
      <circle cx="12" cy="16" r="8.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="20" cy="16" r="8.5" fill="none" stroke="currentColor" strokeWidth="2.5" opacity="0.55" />
      <circle cx="16" cy="12.5" r="1.9" fill="currentColor" />
      <circle cx="16" cy="19.5" r="1.9" fill="currentColor" />
    </svg>
  );
}

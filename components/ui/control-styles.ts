// Shared look of text-like controls (input, textarea, select).
export const controlClasses =
  "block w-full rounded-lg border border-line-strong bg-surface px-3 text-base text-ink shadow-xs sm:text-sm " +
  "placeholder:text-muted/80 transition-colors " +
  "hover:border-brand-400 focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600/40 " +
  "disabled:cursor-not-allowed disabled:bg-canvas disabled:text-muted " +
  "aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600/40";

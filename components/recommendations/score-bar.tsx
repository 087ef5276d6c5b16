/** The match score (0–100) as a bar with its number; the number is what assistive technology reads. */
export function ScoreBar({ score, label, valueText }: { score: number; label: string; valueText: string }) {
  const value = Math.min(100, Math.max(0, Math.round(score)));
  return (
    <div className="flex items-center gap-3">
      <span className="text-xs font-medium text-muted">{label}</span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={valueText}
        className="h-2 w-28 overflow-hidden rounded-full bg-brand-50 ring-1 ring-line ring-inset sm:w-36"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
      <span aria-hidden="true" className="text-sm font-semibold text-ink tabular-nums">
        {value}
      </span>
    </div>
  );
}

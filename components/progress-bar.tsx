/** A labelled bar; the visible text carries the same information for those who can't see the bar. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.round(percent);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className="h-full rounded-full bg-blue-700" style={{ width: `${value}%` }} />
    </div>
  );
}

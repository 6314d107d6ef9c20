/** Dates in history diffs are shown as ISO days. */
export function dayOrNull(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

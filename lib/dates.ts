/** Dates in history diffs are shown as ISO days. */
export function dayOrNull(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/**
 * A day typed into a form, as the locale writes it: 2026-12-31, or 31.12.2026 (also 1.2.2026) as
 * Russian shows dates. Returns ISO, or the input unchanged for the schema to refuse.
 */
export function normalizeDayInput(value: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}` : value;
}

/** An ISO day as the locale's form shows it (Russian: 31.12.2026). */
export function formatDayInput(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const [year, month, day] = iso.split("-");
  return locale === "ru" && year && month && day ? `${day}.${month}.${year}` : iso;
}

/** The latest day an effective or evidence date may have: today in UTC plus one day for time zones ahead of it. */
export function latestPastDay(now = new Date()): string {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Calendar days, in one place: a day is stored as UTC midnight and written as ISO `YYYY-MM-DD`
 * (forms, URLs, exports, `<time dateTime>`), whatever the server's or the reader's time zone.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → that day's UTC midnight. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The UTC day of an instant, as `YYYY-MM-DD`. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Dates in history diffs and exports are shown as ISO days; unknown stays null. */
export function dayOrNull(date: Date | null): string | null {
  return date ? dateToDay(date) : null;
}

/** A real calendar day written as `YYYY-MM-DD` (2025-02-30 is not), else null. */
export function parseDay(raw: string | undefined | null): string | null {
  if (!raw || !ISO_DAY.test(raw)) return null;
  const date = dayToDate(raw);
  return !Number.isNaN(date.getTime()) && dateToDay(date) === raw ? raw : null;
}

/** The day `days` days before `now`. */
export function daysBefore(days: number, now: Date = new Date()): string {
  return dateToDay(new Date(now.getTime() - days * DAY_MS));
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
  // Only a stored day is rewritten; what a person typed (kept after a refusal) shows as typed.
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return locale === "ru" && match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** The latest day an effective or evidence date may have: today in UTC plus one day for time zones ahead of it. */
export function latestPastDay(now = new Date()): string {
  return daysBefore(-1, now);
}

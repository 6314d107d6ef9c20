import { dayToDate } from "../dates";

/** Counting dated events per month, or per day when they all fall in one month (pure, UTC). */

export type BucketUnit = "day" | "month";

export interface TimeBucket {
  /** "2025-11" for a month, "2025-11-17" for a day. */
  key: string;
  /** Start of the bucket (UTC midnight). */
  start: Date;
  count: number;
}

export interface TimeSeries {
  unit: BucketUnit;
  /** Consecutive buckets from the first event to the last, empty ones included (count 0). */
  buckets: TimeBucket[];
}

const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const dayStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

export function bucketKey(date: Date, unit: BucketUnit): string {
  const iso = date.toISOString();
  return unit === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

/**
 * Months are the natural unit for a tracker's history; when everything happened within one
 * calendar month (e.g. right after the import) a single monthly bar says nothing, so days are used.
 */
export function bucketByTime(dates: readonly Date[]): TimeSeries {
  const perDay = new Map<string, number>();
  for (const date of dates) perDay.set(bucketKey(date, "day"), (perDay.get(bucketKey(date, "day")) ?? 0) + 1);
  return bucketDayCounts([...perDay].map(([day, count]) => ({ day, count })));
}

/** The same from counts per UTC day ("YYYY-MM-DD"), as the database can group them. */
export function bucketDayCounts(days: readonly { day: string; count: number }[]): TimeSeries {
  if (days.length === 0) return { unit: "month", buckets: [] };
  // A loop, not Math.min(...spread): a spread of many values overflows the call stack.
  let firstDay = days[0]!.day;
  let lastDay = firstDay;
  for (const { day } of days) {
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  const first = dayToDate(firstDay);
  const last = dayToDate(lastDay);
  const unit: BucketUnit = bucketKey(first, "month") === bucketKey(last, "month") ? "day" : "month";
  const floor = unit === "month" ? monthStart : dayStart;
  const next = (date: Date) =>
    unit === "month"
      ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
      : new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));

  const counts = new Map<string, number>();
  for (const { day, count } of days) {
    const key = unit === "month" ? day.slice(0, 7) : day;
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const buckets: TimeBucket[] = [];
  for (let start = floor(first); start.getTime() <= last.getTime(); start = next(start)) {
    const key = bucketKey(start, unit);
    buckets.push({ key, start, count: counts.get(key) ?? 0 });
  }
  return { unit, buckets };
}

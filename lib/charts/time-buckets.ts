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
  if (dates.length === 0) return { unit: "month", buckets: [] };
  const times = dates.map((date) => date.getTime());
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...times));
  const unit: BucketUnit = bucketKey(first, "month") === bucketKey(last, "month") ? "day" : "month";
  const floor = unit === "month" ? monthStart : dayStart;
  const next = (date: Date) =>
    unit === "month"
      ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
      : new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));

  const counts = new Map<string, number>();
  for (const date of dates) counts.set(bucketKey(date, unit), (counts.get(bucketKey(date, unit)) ?? 0) + 1);
  const buckets: TimeBucket[] = [];
  for (let start = floor(first); start.getTime() <= last.getTime(); start = next(start)) {
    const key = bucketKey(start, unit);
    buckets.push({ key, start, count: counts.get(key) ?? 0 });
  }
  return { unit, buckets };
}

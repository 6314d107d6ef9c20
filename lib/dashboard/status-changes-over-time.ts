import "server-only";
import { utcDay } from "../db/time-sql";
import { prisma } from "../db/prisma";
import { bucketDayCounts, type TimeSeries } from "../charts/time-buckets";

/**
 * Status changes (history entries of kind status_change, the imported ones included) counted by
 * the day they were recorded, in the database (one row per day, whatever the history's size),
 * then shown per month, or per day when all fall within one month.
 */
export async function getStatusChangesOverTime(): Promise<TimeSeries & { total: number }> {
  const rows = await prisma.$queryRaw<{ day: string; n: number | bigint }[]>`
    SELECT ${utcDay(prisma, "recordedAt")} AS day, count(*) AS n FROM "HistoryEntry" WHERE "kind" = 'status_change' GROUP BY 1`;
  const days = rows.map((row) => ({ day: row.day, count: Number(row.n) }));
  return { ...bucketDayCounts(days), total: days.reduce((sum, row) => sum + row.count, 0) };
}

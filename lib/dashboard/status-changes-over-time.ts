import "server-only";
import { utcDay } from "../db/time-sql";
import { prisma } from "../db/prisma";
import { bucketDayCounts, type TimeSeries } from "../charts/time-buckets";

/**
 * Real status changes counted by the day they took effect: an editor's change by its effective
 * date, or the day it was recorded when it gives none. Entries imported from the source articles
 * count by the date the source gives them; those without one (all of today's seed) are counted
 * apart as `undated`, never on the day the database was built. Counted in the database (one row per
 * day, whatever the history's size), then shown per month, or per day when all fall within one month.
 */
export async function getStatusChangesOverTime(): Promise<TimeSeries & { total: number; undated: number }> {
  const rows = await prisma.$queryRaw<{ day: string | null; n: number | bigint }[]>`
    SELECT CASE WHEN "effectiveOn" IS NOT NULL THEN ${utcDay(prisma, "effectiveOn")}
                WHEN "authorId" IS NOT NULL THEN ${utcDay(prisma, "recordedAt")} END AS day, count(*) AS n
    FROM "HistoryEntry" WHERE "kind" = 'status_change' GROUP BY 1`;
  const days = rows.filter((row) => row.day !== null).map((row) => ({ day: row.day!, count: Number(row.n) }));
  const undated = Number(rows.find((row) => row.day === null)?.n ?? 0);
  return { ...bucketDayCounts(days), total: days.reduce((sum, row) => sum + row.count, 0), undated };
}

import "server-only";
import { prisma } from "../db/prisma";
import { bucketByTime, type TimeSeries } from "./time-buckets";

/**
 * Status changes (history entries of kind status_change, the imported ones included) counted by
 * the time they were recorded: per month, or per day when all fall within one month.
 */
export async function getStatusChangesOverTime(): Promise<TimeSeries & { total: number }> {
  const rows = await prisma.historyEntry.findMany({ where: { kind: "status_change" }, select: { recordedAt: true } });
  return { ...bucketByTime(rows.map((row) => row.recordedAt)), total: rows.length };
}

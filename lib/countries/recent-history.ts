import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { historySelect, toHistoryItem, type HistoryItem } from "../history/list-history";

const RECENT_SELECT = historySelect("id", "kind", "fromStatus", "toStatus", "fromStage", "toStage", "recordedAt", "author", "initiative");

/** A line of a country's or theme's recent changes: a few fields of the shared history item. */
export type RecentHistoryEntry = Pick<
  HistoryItem,
  "id" | "kind" | "fromStatus" | "toStatus" | "fromStage" | "toStage" | "authorName" | "recordedAt" | "initiative"
>;

/** The latest history entries of the given initiatives, newest first (one query). */
export async function listRecentHistory(prisma: PrismaClient, initiativeIds: number[], limit = 10): Promise<RecentHistoryEntry[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await prisma.historyEntry.findMany({
    where: { initiativeId: { in: initiativeIds } },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: RECENT_SELECT,
  });
  return rows.map((row) => toHistoryItem(row));
}

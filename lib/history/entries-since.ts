import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { historySelect, toHistoryItem, type HistoryItem } from "./list-history";

const CONFLICT_SELECT = historySelect("version", "kind", "recordedAt", "fromStatus", "toStatus", "fromStage", "toStage", "changes", "note", "author");

/** A change the editor did not see, sent to the browser (so its time travels as ISO text). */
export type ConflictingEntry = Pick<
  HistoryItem,
  "version" | "kind" | "authorName" | "fromStatus" | "toStatus" | "fromStage" | "toStage" | "changes" | "note"
> & {
  recordedAt: string;
};

/** What changed since `version`, to show an editor whose save was refused. */
export async function entriesSince(prisma: PrismaClient, slug: string, version: number): Promise<ConflictingEntry[]> {
  const entries = await prisma.historyEntry.findMany({
    where: { initiative: { slug }, version: { gt: version } },
    orderBy: { version: "asc" },
    select: CONFLICT_SELECT,
  });
  return entries.map((entry) => ({ ...toHistoryItem(entry), recordedAt: entry.recordedAt.toISOString() }));
}

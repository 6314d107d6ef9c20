import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { HistoryItem } from "../history/list-history";

/** A line of a country's or theme's recent changes: a few fields of the shared history item. */
export type RecentHistoryEntry = Pick<HistoryItem, "id" | "kind" | "fromStatus" | "toStatus" | "fromStage" | "toStage" | "authorName" | "recordedAt"> & {
  initiativeSlug: string;
  titleRu: string;
  titleEn: string;
};

/** The latest history entries of the given initiatives, newest first (one query). */
export async function listRecentHistory(prisma: PrismaClient, initiativeIds: number[], limit = 10): Promise<RecentHistoryEntry[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await prisma.historyEntry.findMany({
    where: { initiativeId: { in: initiativeIds } },
    orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      fromStage: true,
      toStage: true,
      recordedAt: true,
      author: { select: { displayName: true } },
      initiative: { select: { slug: true, titleRu: true, titleEn: true } },
    },
  });
  return rows.map(({ author, initiative, ...entry }) => ({
    ...entry,
    initiativeSlug: initiative.slug,
    titleRu: initiative.titleRu,
    titleEn: initiative.titleEn,
    authorName: author?.displayName ?? null,
  }));
}

import type { PrismaClient } from "../generated/prisma/client";
import { parseChanges } from "./field-changes";
import type { HistoryItem } from "./list-history";

/** A change the editor did not see, sent to the browser (so its time travels as ISO text). */
export type ConflictingEntry = Pick<HistoryItem, "version" | "authorName" | "fromStatus" | "toStatus" | "fromStage" | "toStage" | "changes" | "note"> & {
  kind: HistoryItem["kind"];
  recordedAt: string;
};

/** What changed since `version`, to show an editor whose save was refused. */
export async function entriesSince(prisma: PrismaClient, slug: string, version: number): Promise<ConflictingEntry[]> {
  const entries = await prisma.historyEntry.findMany({
    where: { initiative: { slug }, version: { gt: version } },
    orderBy: { version: "asc" },
    select: {
      version: true,
      kind: true,
      recordedAt: true,
      fromStatus: true,
      toStatus: true,
      fromStage: true,
      toStage: true,
      changes: true,
      note: true,
      author: { select: { displayName: true } },
    },
  });
  return entries.map(({ author, recordedAt, changes, ...entry }) => ({
    ...entry,
    authorName: author?.displayName ?? null,
    recordedAt: recordedAt.toISOString(),
    changes: parseChanges(changes),
  }));
}

import type { PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus, Stage } from "../domain/vocabulary";
import { parseChanges, type FieldChange } from "./field-changes";

export interface ConflictingEntry {
  version: number;
  kind: string;
  authorName: string | null;
  recordedAt: string;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  changes: FieldChange[];
  note: string;
}

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

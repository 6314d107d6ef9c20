import type { PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus, Stage } from "../domain/vocabulary";

export interface PendingChangeView {
  id: number;
  initiativeSlug: string;
  titleRu: string;
  titleEn: string;
  fromStatus: InitiativeStatus;
  toStatus: InitiativeStatus;
  fromStage: Stage | null;
  toStage: Stage | null;
  effectiveOn: Date | null;
  note: string;
  overrideNote: string | null;
  quoteText: string | null;
  evidenceUrl: string | null;
  evidenceTitle: string | null;
  authorId: number;
  authorName: string;
  createdAt: Date;
}

/** Status changes waiting for review, oldest first; only for signed-in editors. */
export async function listPendingChanges(prisma: PrismaClient, filter: { initiativeSlug?: string } = {}): Promise<PendingChangeView[]> {
  const rows = await prisma.pendingChange.findMany({
    where: { state: "pending", ...(filter.initiativeSlug ? { initiative: { slug: filter.initiativeSlug } } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      fromStage: true,
      toStage: true,
      effectiveOn: true,
      note: true,
      overrideNote: true,
      evidenceUrl: true,
      evidenceTitle: true,
      authorId: true,
      createdAt: true,
      quote: { select: { text: true } },
      author: { select: { displayName: true } },
      initiative: { select: { slug: true, titleRu: true, titleEn: true } },
    },
  });
  return rows.map(({ quote, author, initiative, ...row }) => ({
    ...row,
    initiativeSlug: initiative.slug,
    titleRu: initiative.titleRu,
    titleEn: initiative.titleEn,
    quoteText: quote?.text ?? null,
    authorName: author.displayName,
  }));
}

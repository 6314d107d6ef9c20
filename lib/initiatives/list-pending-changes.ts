import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus, Stage } from "../domain/vocabulary";
import { parseChanges, type FieldChange } from "../history/field-changes";

export interface PendingChangeView {
  id: number;
  kind: "status" | "details" | "countries" | "metric" | "verification";
  /** What it would change (not for status changes, which show from → to). */
  changes: FieldChange[];
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

/** Changes waiting for review, oldest first; only for signed-in editors. */
export async function listPendingChanges(prisma: PrismaClient, filter: { initiativeSlug?: string } = {}): Promise<PendingChangeView[]> {
  const rows = await prisma.pendingChange.findMany({
    where: { state: "pending", ...(filter.initiativeSlug ? { initiative: { slug: filter.initiativeSlug } } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      changes: true,
      payload: true,
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
  return rows.map(({ quote, author, initiative, changes, payload, ...row }) => {
    // A metric reading's evidence is resolved when it is applied; until then the typed evidence shows.
    const typed = payload ? (JSON.parse(payload) as { evidenceType?: string; quoteText?: string; evidenceUrl?: string; evidenceTitle?: string }) : {};
    const typedQuote = typed.evidenceType === "quote" ? typed.quoteText || null : null;
    const typedLink = typed.evidenceType === "link" ? { evidenceUrl: typed.evidenceUrl || null, evidenceTitle: typed.evidenceTitle || null } : {};
    return {
      ...row,
      ...typedLink,
      changes: parseChanges(changes),
      initiativeSlug: initiative.slug,
      titleRu: initiative.titleRu,
      titleEn: initiative.titleEn,
      quoteText: quote?.text ?? typedQuote,
      authorName: author.displayName,
    };
  });
}

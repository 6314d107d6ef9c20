import "server-only";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/types";
import type { PrismaClient } from "../generated/prisma/client";
import { IntakeError } from "../sources/intake-error";
import type { ResolveSuggestionInput } from "./suggestion-schemas";

/**
 * Closes a suggestion: accepted, linked to the change the editor made from it (the newest change
 * this editor recorded on its initiative or source since it was sent; none yet is refused), or
 * declined with the reason. Who and when are kept. The sender's e-mail, when given, keeps
 * `outcomeSentAt` empty until the outcome is mailed (lib/suggestions/send-outcomes.ts).
 */
export async function resolveSuggestion(
  db: PrismaClient,
  user: SessionUser,
  input: ResolveSuggestionInput,
): Promise<{ tags: string[]; resultPath: string | null; mailOutcome: boolean }> {
  return db.$transaction(async (tx) => {
    const suggestion = await tx.suggestion.findUnique({
      where: { id: input.suggestionId },
      select: { state: true, subject: true, subjectKey: true, createdAt: true, email: true },
    });
    if (!suggestion) throw new IntakeError("notFound");
    if (suggestion.state !== "open") throw new IntakeError("suggestionClosed");
    const resultPath = input.decision === "accepted" ? await resultingChange(tx, user, suggestion) : null;
    if (input.decision === "accepted" && resultPath === null) throw new IntakeError("suggestionNoChange", "resolution");
    const closed = await tx.suggestion.updateMany({
      where: { id: input.suggestionId, state: "open" },
      data: { state: input.decision, resolution: input.resolution, resolvedById: user.id, resolvedAt: new Date(), resultPath },
    });
    if (closed.count === 0) throw new IntakeError("suggestionClosed");
    // The queue is only on the editors' desk, which is not cached.
    return { tags: [], resultPath, mailOutcome: suggestion.email !== null };
  });
}

/** Where the editor's change made from the suggestion shows: its history entry, newest first. */
async function resultingChange(
  db: Db,
  user: SessionUser,
  suggestion: { subject: "initiative" | "source"; subjectKey: string; createdAt: Date },
): Promise<string | null> {
  if (suggestion.subject === "initiative") {
    const entry = await db.historyEntry.findFirst({
      where: { initiative: { slug: suggestion.subjectKey }, authorId: user.id, recordedAt: { gte: suggestion.createdAt } },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    return entry ? `/initiatives/${suggestion.subjectKey}#entry-${entry.id}` : null;
  }
  const entry = await db.recordHistoryEntry.findFirst({
    where: { subject: "source", subjectId: Number(suggestion.subjectKey), authorId: user.id, recordedAt: { gte: suggestion.createdAt } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return entry ? `/sources/${suggestion.subjectKey}#record-history` : null;
}

/** An open suggestion for the change forms to start from, when it is about this subject. */
export async function getOpenSuggestion(
  db: Db,
  id: number,
  subject: "initiative" | "source",
  subjectKey: string,
): Promise<{ id: number; text: string; url: string | null } | null> {
  return db.suggestion.findFirst({ where: { id, subject, subjectKey, state: "open" }, select: { id: true, text: true, url: true } });
}

export interface SuggestionView {
  id: number;
  subject: "initiative" | "source";
  subjectKey: string;
  /** The initiative's title or the source's title, when it still exists. */
  subjectTitle: { ru: string | null; en: string | null };
  text: string;
  url: string | null;
  hasEmail: boolean;
  createdAt: Date;
}

/** The open queue, oldest first (the e-mail itself stays out of the view). */
export async function listOpenSuggestions(db: Db, limit = 50): Promise<SuggestionView[]> {
  const rows = await db.suggestion.findMany({
    where: { state: "open" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, subject: true, subjectKey: true, text: true, url: true, email: true, createdAt: true },
  });
  const slugs = rows.filter((r) => r.subject === "initiative").map((r) => r.subjectKey);
  const ids = rows.filter((r) => r.subject === "source").map((r) => Number(r.subjectKey));
  const [initiatives, sources] = await Promise.all([
    db.initiative.findMany({ where: { slug: { in: slugs } }, select: { slug: true, titleRu: true, titleEn: true } }),
    db.source.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
  ]);
  const titles = new Map<string, { ru: string | null; en: string | null }>([
    ...initiatives.map((i) => [`initiative:${i.slug}`, { ru: i.titleRu, en: i.titleEn }] as const),
    ...sources.map((s) => [`source:${s.id}`, { ru: s.title, en: s.title }] as const),
  ]);
  return rows.map(({ email, ...row }) => ({
    ...row,
    hasEmail: email !== null,
    subjectTitle: titles.get(`${row.subject}:${row.subjectKey}`) ?? { ru: null, en: null },
  }));
}

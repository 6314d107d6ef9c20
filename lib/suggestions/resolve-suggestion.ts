import "server-only";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/types";
import type { PrismaClient } from "../generated/prisma/client";
import { IntakeError } from "../sources/intake-error";
import type { ResolveSuggestionInput } from "./suggestion-schemas";

/**
 * Closes a suggestion as accepted or declined, with what was done or why, by whom and when. The
 * sender's e-mail, when given, keeps `outcomeSentAt` empty until the outcome is mailed.
 */
export async function resolveSuggestion(db: PrismaClient, user: SessionUser, input: ResolveSuggestionInput): Promise<{ tags: string[] }> {
  const closed = await db.suggestion.updateMany({
    where: { id: input.suggestionId, state: "open" },
    data: { state: input.decision, resolution: input.resolution, resolvedById: user.id, resolvedAt: new Date() },
  });
  if (closed.count === 0) {
    const exists = await db.suggestion.findUnique({ where: { id: input.suggestionId }, select: { id: true } });
    throw new IntakeError(exists ? "suggestionClosed" : "notFound");
  }
  // The queue is only on the editors' desk, which is not cached.
  return { tags: [] };
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
  return rows.map(({ email, ...row }) => ({ ...row, hasEmail: email !== null, subjectTitle: titles.get(`${row.subject}:${row.subjectKey}`) ?? { ru: null, en: null } }));
}

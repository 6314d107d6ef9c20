import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { HighlightPart } from "../search/stem";
import { searchCandidateIndex } from "./candidate-index";
import { matchSource, type Span } from "./match-source";
import { reviewedSpans } from "./review-passages";

export interface ReviewPassage {
  start: number;
  end: number;
  parts: HighlightPart[];
  score?: number;
}

export interface ReviewInitiative {
  id: number;
  slug: string;
  titleRu: string;
  titleEn: string;
  version: number;
  eventId: number;
  candidates: ReviewPassage[];
  /** Quotes of this initiative already taken from the source. */
  accepted: { quoteId: number; text: string }[];
}

export interface SourceReview {
  source: { id: number; title: string | null; language: string };
  sentences: number;
  initiatives: ReviewInitiative[];
  newCommitments: ReviewPassage[];
  persons: { id: number; nameRu: string; nameEn: string }[];
  /** Where an initiative may have been announced again (newest first). */
  events: { id: number; nameRu: string; nameEn: string }[];
}

function parts(text: string, start: number, end: number, marks: Span[]): HighlightPart[] {
  const out: HighlightPart[] = [];
  let at = start;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue;
    if (mark.start > at) out.push({ text: text.slice(at, mark.start), match: false });
    out.push({ text: text.slice(mark.start, mark.end), match: true });
    at = mark.end;
  }
  if (at < end) out.push({ text: text.slice(at, end), match: false });
  return out;
}

/** Everything the review page shows for a source: proposals, accepted quotes, new commitments. */
export async function getSourceReview(db: PrismaClient, sourceId: number): Promise<SourceReview | null> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { id: true, title: true, language: true, text: true } });
  if (!source) return null;
  const { quoted, rejected } = await reviewedSpans(db, sourceId);
  const result = await matchSource(db, searchCandidateIndex(db), source.text, { alreadyQuoted: quoted, rejected });
  const quotes = await db.quote.findMany({
    where: { sourceId, initiativeId: { not: null } },
    select: { id: true, text: true, initiativeId: true },
    orderBy: { start: "asc" },
  });
  const ids = [...new Set([...result.initiatives.map((m) => m.initiativeId), ...quotes.map((q) => q.initiativeId!)])];
  const rows = await db.initiative.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, titleRu: true, titleEn: true, version: true, eventId: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const matched = result.initiatives.map((m) => m.initiativeId);
  // Initiatives with proposals first (best first), then those only quoted already.
  const order = [...matched, ...ids.filter((id) => !matched.includes(id))];
  return {
    source: { id: source.id, title: source.title, language: source.language },
    sentences: result.sentences,
    initiatives: order.map((id) => ({
      ...byId.get(id)!,
      candidates: (result.initiatives.find((m) => m.initiativeId === id)?.candidates ?? []).map((c) => ({
        start: c.sentence.start,
        end: c.sentence.end,
        score: c.score,
        parts: parts(source.text, c.sentence.start, c.sentence.end, c.highlights),
      })),
      accepted: quotes.filter((q) => q.initiativeId === id).map((q) => ({ quoteId: q.id, text: q.text })),
    })),
    newCommitments: result.newCommitments.map((c) => ({
      start: c.sentence.start,
      end: c.sentence.end,
      parts: parts(source.text, c.sentence.start, c.sentence.end, c.highlights),
    })),
    persons: await db.person.findMany({ select: { id: true, nameRu: true, nameEn: true }, orderBy: { id: "asc" } }),
    events: await db.event.findMany({ select: { id: true, nameRu: true, nameEn: true }, orderBy: { id: "desc" } }),
  };
}

import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG } from "../cache/tags";
import type { Db } from "../db/types";
import type { PrismaClient } from "../generated/prisma/client";
import { claimNextVersion, writeHistoryEntry } from "../initiatives/record-history";
import { indexQuote } from "../search/search-index";
import { IntakeError } from "../sources/intake-error";
import type { AcceptPassageInput, RejectPassageInput } from "./passage-schemas";

const MAX_QUOTE = 2000;

async function passageText(db: Db, sourceId: number, start: number, end: number): Promise<string> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { text: true } });
  if (!source) throw new IntakeError("notFound");
  const text = source.text.slice(start, end);
  if (end > source.text.length || !text.trim()) throw new IntakeError("passageOutOfRange");
  if (text.length > MAX_QUOTE) throw new IntakeError("tooLong");
  return text;
}

export interface PassageSpeaker {
  speakerKind: "narrator" | "official" | "expert";
  speakerPersonId: number | null;
  attribution: string | null;
}

/**
 * Makes a passage of a source a quote of an initiative at exactly its offsets, with who says it
 * (and, for a re-announcement, the event it was repeated at). A span is evidence for one
 * initiative only; one already stored without an initiative (e.g. an event's attendance) is reused.
 */
export async function quotePassage(
  tx: Db,
  passage: { sourceId: number; start: number; end: number } & PassageSpeaker,
  initiativeId: number,
  eventId: number | null = null,
): Promise<{ id: number; text: string }> {
  const text = await passageText(tx, passage.sourceId, passage.start, passage.end);
  if (passage.speakerPersonId !== null && !(await tx.person.findUnique({ where: { id: passage.speakerPersonId }, select: { id: true } }))) {
    throw new IntakeError("speakerRequired", "speakerPersonId");
  }
  const span = { sourceId: passage.sourceId, start: passage.start, end: passage.end };
  const existing = await tx.quote.findUnique({ where: { sourceId_start_end: span }, select: { id: true, initiativeId: true } });
  if (existing?.initiativeId === initiativeId) throw new IntakeError("alreadyQuoted");
  // One span is evidence for one initiative (the seed refuses shared spans too).
  if (existing && existing.initiativeId !== null) throw new IntakeError("quotedForAnother");
  const data = {
    initiativeId,
    speakerKind: passage.speakerKind,
    speakerPersonId: passage.speakerKind === "narrator" ? null : passage.speakerPersonId,
    attribution: passage.attribution,
    ...(eventId !== null ? { eventId } : {}),
  };
  const quote = existing
    ? await tx.quote.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.quote.create({ data: { ...span, text, ...data }, select: { id: true } });
  await indexQuote(tx, { id: quote.id, text, initiativeId });
  return { id: quote.id, text };
}

/** A passage's quote changes its initiative's pages and its source's page and the sources' quote counts. */
export function passageTags(initiativeTags: readonly string[], sourceId: number): string[] {
  return [...new Set([...initiativeTags, TAG.source(sourceId), TAG.sources])].sort();
}

/**
 * Accepts a proposed passage as a quote of an initiative, with who says it; the initiative's
 * history records it (a new version, attributed). With `reannouncedAtEventId` (an event other
 * than the initiative's own) the passage records the initiative announced again there: linked to
 * that event, never a second initiative. Nothing is created unless the editor asked for it.
 */
export async function acceptPassage(
  db: PrismaClient,
  user: SessionUser,
  input: AcceptPassageInput,
): Promise<{ version: number; quoteId: number; tags: string[] }> {
  return db.$transaction(async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const own = await tx.initiative.findUniqueOrThrow({ where: { id: initiative.id }, select: { eventId: true } });
    let event: { id: number; slug: string } | null = null;
    if (input.reannouncedAtEventId !== null) {
      event = await tx.event.findUnique({ where: { id: input.reannouncedAtEventId }, select: { id: true, slug: true } });
      if (!event) throw new IntakeError("notFound", "reannouncedAtEventId");
      if (event.id === own.eventId) throw new IntakeError("sameEvent", "reannouncedAtEventId");
    }
    const quote = await quotePassage(tx, input, initiative.id, event?.id ?? null);
    const changes = [{ field: "quote", from: null, to: quote.text }];
    if (event) changes.push({ field: "reannouncedAt", from: null, to: event.slug });
    const entry = await writeHistoryEntry(tx, initiative, { kind: "edit", changes, note: input.note, quoteId: quote.id, authorId: user.id });
    return { version: entry.version, quoteId: quote.id, tags: passageTags(entry.tags, input.sourceId) };
  });
}

/** Turns a proposal down, so the review page stops offering it; who and why are kept. */
export async function rejectPassage(db: PrismaClient, user: SessionUser, input: RejectPassageInput): Promise<{ tags: string[] }> {
  return db.$transaction(async (tx) => {
    await passageText(tx, input.sourceId, input.start, input.end);
    if (input.initiativeId !== null && !(await tx.initiative.findUnique({ where: { id: input.initiativeId, mergedIntoId: null }, select: { id: true } }))) {
      throw new IntakeError("notFound");
    }
    await tx.passageRejection.create({ data: { ...input, authorId: user.id } });
    // Only the editors' review page shows rejections, and it is never cached.
    return { tags: [] };
  });
}

/** What the matcher must not propose again for a source: its quotes and the passages turned down. */
export async function reviewedSpans(db: PrismaClient, sourceId: number) {
  const [quotes, rejections] = await Promise.all([
    db.quote.findMany({ where: { sourceId, initiativeId: { not: null } }, select: { initiativeId: true, start: true, end: true } }),
    db.passageRejection.findMany({ where: { sourceId }, select: { initiativeId: true, start: true, end: true } }),
  ]);
  return { quoted: quotes.map((q) => ({ initiativeId: q.initiativeId!, start: q.start, end: q.end })), rejected: rejections };
}

/** A quote of the initiative, to offer as the evidence of its next status change. */
export async function quoteOfInitiative(db: PrismaClient, quoteId: number, slug: string) {
  return db.quote.findFirst({ where: { id: quoteId, initiative: { slug } }, select: { sourceId: true, text: true } });
}

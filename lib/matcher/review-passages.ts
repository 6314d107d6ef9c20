import "server-only";
import type { SessionUser } from "../auth/sessions";
import type { PrismaClient } from "../generated/prisma/client";
import { claimNextVersion, writeHistoryEntry } from "../initiatives/record-history";
import { indexQuote } from "../search/search-index";
import { IntakeError } from "../sources/intake-error";
import type { AcceptPassageInput, RejectPassageInput } from "./passage-schemas";

const MAX_QUOTE = 2000;

async function passageText(db: Pick<PrismaClient, "source">, sourceId: number, start: number, end: number): Promise<string> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { text: true } });
  if (!source) throw new IntakeError("notFound");
  const text = source.text.slice(start, end);
  if (end > source.text.length || !text.trim()) throw new IntakeError("passageOutOfRange");
  if (text.length > MAX_QUOTE) throw new IntakeError("tooLong");
  return text;
}

/**
 * Accepts a proposed passage as a quote of an initiative, at exactly its offsets in the source,
 * with who says it; the initiative's history records it (a new version, attributed). Nothing is
 * created unless the editor asked for it.
 */
export async function acceptPassage(db: PrismaClient, user: SessionUser, input: AcceptPassageInput): Promise<{ version: number; quoteId: number }> {
  return db.$transaction(async (tx) => {
    const initiative = await claimNextVersion(tx, input.slug, input.version);
    const text = await passageText(tx, input.sourceId, input.start, input.end);
    if (input.speakerPersonId !== null && !(await tx.person.findUnique({ where: { id: input.speakerPersonId }, select: { id: true } }))) {
      throw new IntakeError("speakerRequired", "speakerPersonId");
    }
    const span = { sourceId: input.sourceId, start: input.start, end: input.end };
    const existing = await tx.quote.findUnique({ where: { sourceId_start_end: span }, select: { id: true, initiativeId: true } });
    if (existing?.initiativeId === initiative.id) throw new IntakeError("alreadyQuoted");
    // One span is evidence for one initiative (the seed refuses shared spans too).
    if (existing && existing.initiativeId !== null) throw new IntakeError("quotedForAnother");
    const speaker = { speakerKind: input.speakerKind, speakerPersonId: input.speakerKind === "narrator" ? null : input.speakerPersonId, attribution: input.attribution };
    const quote = existing
      ? await tx.quote.update({ where: { id: existing.id }, data: { initiativeId: initiative.id, ...speaker }, select: { id: true } })
      : await tx.quote.create({ data: { ...span, text, initiativeId: initiative.id, ...speaker }, select: { id: true } });
    await indexQuote(tx, { id: quote.id, text, initiativeId: initiative.id });
    const entry = await writeHistoryEntry(tx, initiative, {
      kind: "edit",
      changes: [{ field: "quote", from: null, to: text }],
      note: input.note,
      quoteId: quote.id,
      authorId: user.id,
    });
    return { version: entry.version, quoteId: quote.id };
  });
}

/** Turns a proposal down, so the review page stops offering it; who and why are kept. */
export async function rejectPassage(db: PrismaClient, user: SessionUser, input: RejectPassageInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await passageText(tx, input.sourceId, input.start, input.end);
    if (input.initiativeId !== null && !(await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { id: true } }))) {
      throw new IntakeError("notFound");
    }
    await tx.passageRejection.create({ data: { ...input, authorId: user.id } });
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

import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG, initiativeChangeTags } from "../cache/tags";
import { dayToDate } from "../dates";
import { firstFreeSlug, slugFromTitle } from "../domain/slug";
import type { PrismaClient } from "../generated/prisma/client";
import type { CreateInitiativeInput } from "../intake/create-schemas";
import { quotePassage } from "../matcher/review-passages";
import { indexHistoryNote, indexInitiative } from "../search/search-index";
import { IntakeError } from "../sources/intake-error";

/**
 * Creates an initiative from a passage of a source: every field the seed sets, with the passage
 * as its first quote (who says it, the event it was announced at), the evidence of its status, of
 * its proposer and of each participating country. Version 1 is its creation entry, attributed.
 * The slug comes from the English title, made unique with -2, -3…
 */
export async function createInitiative(db: PrismaClient, user: SessionUser, input: CreateInitiativeInput): Promise<{ slug: string; tags: string[] }> {
  return db.$transaction(async (tx) => {
    if (!(await tx.event.findUnique({ where: { id: input.eventId }, select: { id: true } }))) throw new IntakeError("notFound", "eventId");
    const countries = input.countries.filter((row) => row.role !== null);
    const codes = [...new Set([...countries.map((row) => row.code), ...(input.proposerCountryCode ? [input.proposerCountryCode] : [])])];
    if ((await tx.country.count({ where: { code: { in: codes } } })) !== codes.length) throw new IntakeError("notFound", "countries");
    if (input.proposerPersonId !== null && !(await tx.person.findUnique({ where: { id: input.proposerPersonId }, select: { id: true } }))) {
      throw new IntakeError("notFound", "proposerPersonId");
    }
    const base = slugFromTitle(input.titleEn, "initiative");
    const taken = new Set((await tx.initiative.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
    const slug = firstFreeSlug(base, taken);
    const initiative = await tx.initiative.create({
      data: {
        slug,
        titleRu: input.titleRu,
        titleEn: input.titleEn,
        summaryRu: input.summaryRu,
        summaryEn: input.summaryEn,
        kind: input.kind,
        status: input.status,
        stage: input.stage,
        eventId: input.eventId,
        meetingRelation: input.meetingRelation,
        proposerCountryCode: input.proposerCountryCode,
        proposerPersonId: input.proposerPersonId,
        targetDate: input.targetDate ? dayToDate(input.targetDate) : null,
        themes: { create: input.themes.map((theme) => ({ theme })) },
      },
      select: { id: true, titleRu: true, titleEn: true, summaryRu: true, summaryEn: true },
    });
    const quote = await quotePassage(tx, input, initiative.id, input.eventId);
    if (input.proposerCountryCode || input.proposerPersonId) await tx.initiative.update({ where: { id: initiative.id }, data: { proposerQuoteId: quote.id } });
    for (const row of countries) {
      await tx.participation.create({ data: { initiativeId: initiative.id, countryCode: row.code, role: row.role!, stage: row.stage, quoteId: quote.id } });
    }
    const entry = await tx.historyEntry.create({
      data: {
        initiativeId: initiative.id,
        kind: "status_change",
        fromStatus: null,
        toStatus: input.status,
        fromStage: null,
        toStage: input.stage,
        changes: JSON.stringify([{ field: "created", from: null, to: slug }]),
        note: input.note,
        quoteId: quote.id,
        authorId: user.id,
        version: 1,
      },
      select: { id: true, note: true, overrideNote: true },
    });
    await indexInitiative(tx, initiative);
    await indexHistoryNote(tx, { ...entry, initiativeId: initiative.id });
    const tags = await initiativeChangeTags(tx, { id: initiative.id }, [], [TAG.source(input.sourceId), TAG.sources]);
    return { slug, tags };
  });
}

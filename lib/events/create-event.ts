import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG } from "../cache/tags";
import { firstFreeSlug, slugFromTitle } from "../domain/slug";
import type { PrismaClient } from "../generated/prisma/client";
import type { CreateEventInput } from "../intake/create-schemas";
import { diffFields, recordEntry } from "../records/record-history";

/**
 * Records a later meeting or visit that initiatives can be filed under or re-announced at. Its
 * creation is version 1 of its public, append-only history. The slug comes from the English name.
 */
export async function createEvent(db: PrismaClient, user: SessionUser, input: CreateEventInput): Promise<{ slug: string; id: number; tags: string[] }> {
  return db.$transaction(async (tx) => {
    const base = slugFromTitle(input.nameEn, "event");
    const taken = new Set((await tx.event.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
    const slug = firstFreeSlug(base, taken);
    const fields = { nameRu: input.nameRu, nameEn: input.nameEn, placeRu: input.placeRu, placeEn: input.placeEn, dateText: input.dateText };
    const event = await tx.event.create({ data: { slug, ...fields }, select: { id: true } });
    await recordEntry(tx, {
      subject: "event",
      subjectId: event.id,
      action: "created",
      version: 1,
      note: input.note,
      changes: diffFields({}, fields),
      authorId: user.id,
    });
    // Only the events list and the event's own page show an event without initiatives.
    return { slug, id: event.id, tags: [TAG.events, TAG.event(slug)] };
  });
}

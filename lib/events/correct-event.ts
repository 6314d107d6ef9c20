import "server-only";
import type { SessionUser } from "../auth/sessions";
import { TAG } from "../cache/tags";
import type { Db } from "../db/types";
import type { PrismaClient } from "../generated/prisma/client";
import { locateQuote } from "../initiatives/resolve-evidence";
import type { CorrectEventInput } from "../intake/create-schemas";
import { diffFields, recordEntry } from "../records/record-history";
import { IntakeError } from "../sources/intake-error";
import { EVENT_SELECT } from "./event-select";

/**
 * An event's version: its newest record-history entry, or 1 for an event that came with the seed
 * (it has none). The unique (subject, subjectId, version) key makes writing version + 1 the
 * compare-and-set: of two corrections made from the same version only one can be stored.
 */
export async function eventVersion(db: Db, eventId: number): Promise<number> {
  const newest = await db.recordHistoryEntry.findFirst({
    where: { subject: "event", subjectId: eventId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return newest?.version ?? 1;
}

/** The attendees as one history value: the sorted country codes. */
const attendeeList = (codes: readonly string[]): string | null => (codes.length ? [...codes].sort().join(", ") : null);

/**
 * Corrects an event (decision 035): its names, place and date as stated, attendees removed, and
 * one attendee added with the quote that names them. Nothing is written when the form's version
 * is stale or nothing changed; the correction is the next version of the event's public history.
 */
export async function correctEvent(db: PrismaClient, user: SessionUser, input: CorrectEventInput): Promise<{ version: number; slug: string; tags: string[] }> {
  try {
    return await db.$transaction(async (tx) => {
      const event = await tx.event.findUnique({
        where: { id: input.eventId },
        select: {
          id: true,
          ...EVENT_SELECT,
          attendances: { select: { countryCode: true } },
        },
      });
      if (!event) throw new IntakeError("notFound");
      const current = await eventVersion(tx, event.id);
      if (current !== input.version) throw new IntakeError("eventChangedSince", undefined, { version: current });

      const attendees = event.attendances.map((a) => a.countryCode);
      for (const code of input.removeAttendees) if (!attendees.includes(code)) throw new IntakeError("attendeeNotListed", "removeAttendees");
      if (input.attendeeCode !== null) {
        if (attendees.includes(input.attendeeCode)) throw new IntakeError("attendeeListed", "attendeeCode");
        if (!(await tx.country.findUnique({ where: { code: input.attendeeCode }, select: { code: true } }))) throw new IntakeError("notFound", "attendeeCode");
      }
      const after = [...attendees.filter((code) => !input.removeAttendees.includes(code)), ...(input.attendeeCode ? [input.attendeeCode] : [])];
      const fields = { nameRu: input.nameRu, nameEn: input.nameEn, placeRu: input.placeRu, placeEn: input.placeEn, dateText: input.dateText };
      const before = {
        nameRu: event.nameRu,
        nameEn: event.nameEn,
        placeRu: event.placeRu,
        placeEn: event.placeEn,
        dateText: event.dateText,
        attendees: attendeeList(attendees),
      };
      const changes = diffFields(before, { ...fields, attendees: attendeeList(after) });
      if (changes.length === 0) throw new IntakeError("nothingChanged");

      const version = current + 1;
      await recordEntry(tx, { subject: "event", subjectId: event.id, action: "corrected", version, note: input.note, changes, authorId: user.id });
      await tx.event.update({ where: { id: event.id }, data: fields });
      if (input.removeAttendees.length) await tx.attendance.deleteMany({ where: { eventId: event.id, countryCode: { in: input.removeAttendees } } });
      if (input.attendeeCode !== null) {
        const { source, start, end } = await locateQuote(tx, input.quoteSourceId, input.quoteText ?? "", input.quoteOccurrence);
        // One statement, so a span quoted at the same moment elsewhere is reused, not inserted twice.
        const [quote] = await tx.$queryRaw<{ id: number | bigint }[]>`
          INSERT INTO "Quote" ("sourceId", "start", "end", "text")
          VALUES (${source.id}, ${start}, ${end}, ${input.quoteText})
          ON CONFLICT ("sourceId", "start", "end") DO UPDATE SET "text" = excluded."text"
          RETURNING "id"`;
        if (!quote) throw new Error("The quote could not be stored.");
        await tx.attendance.create({ data: { eventId: event.id, countryCode: input.attendeeCode, quoteId: Number(quote.id) } });
      }
      return {
        version,
        slug: event.slug,
        tags: await eventCorrectionTags(
          tx,
          event,
          changes.map((c) => c.field),
          [...input.removeAttendees, ...(input.attendeeCode ? [input.attendeeCode] : [])],
        ),
      };
    });
  } catch (error) {
    // Another correction stored the same version first.
    if ((error as { code?: string }).code === "P2002") throw new IntakeError("eventChangedSince");
    throw error;
  }
}

/**
 * What shows an event: its page and the events list; the pages of the initiatives filed under it
 * or announced again there (its name and date, and attendance for those filed under it), with the
 * initiatives list (its event filter names it) when the name changed; the pages of the countries
 * that attended (their attendance lists its name, place and date), and of those added or removed.
 */
async function eventCorrectionTags(tx: Db, event: { id: number; slug: string }, fields: string[], attendeeChanges: string[]): Promise<string[]> {
  const tags = new Set<string>([TAG.event(event.slug), TAG.events]);
  const described = fields.some((field) => field !== "attendees");
  const initiatives = await tx.initiative.findMany({
    where: described ? { OR: [{ eventId: event.id }, { quotes: { some: { eventId: event.id } } }] } : { eventId: event.id },
    select: { slug: true },
  });
  for (const { slug } of initiatives) tags.add(TAG.initiative(slug));
  if (fields.some((field) => field === "nameRu" || field === "nameEn")) tags.add(TAG.initiatives);
  const countries = described ? (await tx.attendance.findMany({ where: { eventId: event.id }, select: { countryCode: true } })).map((a) => a.countryCode) : [];
  for (const code of [...countries, ...attendeeChanges]) tags.add(TAG.country(code));
  return [...tags].sort();
}

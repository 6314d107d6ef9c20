import "server-only";
import type { Db } from "../db/types";
import type { SessionUser } from "../auth/sessions";
import { inTransaction } from "../db/in-transaction";
import { DomainError } from "../errors/domain-error";
import type { FieldChange } from "../history/field-changes";
import { TAG } from "../cache/tags";
import { indexHistoryNote, indexQuote, removeInitiativeFromIndex } from "../search/search-index";
import { writeHistoryEntry } from "./record-history";
import type { MergeInitiativesInput } from "./merge-schema";
import { INITIATIVE_NAME_SELECT } from "./initiative-select";

export type MergeErrorCode = "notFound" | "alreadyMerged" | "mergePending" | "mergeConflict";

export class MergeError extends DomainError<MergeErrorCode> {}

/** History fields of the two merge entries (the duplicate's and the kept one's). */
export const MERGED_INTO = "mergedInto";
export const MERGED_FROM = "mergedFrom";

/** Compare-and-set on one side of the merge; refuses a merged or changed initiative with the field to fix. */
async function claim(tx: Db, slug: string, version: number, side: "duplicate" | "keep") {
  const bumped = await tx.initiative.updateMany({ where: { slug, version, mergedIntoId: null }, data: { version: { increment: 1 } } });
  const row = await tx.initiative.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      version: true,
      mergedIntoId: true,
      proposerCountryCode: true,
      proposerPersonId: true,
      proposerQuoteId: true,
      themes: { select: { theme: true } },
      participations: { select: { countryCode: true, role: true, stage: true, quoteId: true } },
    },
  });
  const field = side === "duplicate" ? "duplicateSlug" : "keepSlug";
  if (!row) throw new MergeError("notFound", field);
  if (row.mergedIntoId !== null) throw new MergeError("alreadyMerged", field);
  if (bumped.count === 0)
    throw new MergeError("mergeConflict", side === "duplicate" ? "duplicateVersion" : "keepVersion", undefined, { slug, version: row.version });
  return row;
}

/**
 * Merges a duplicate into the initiative kept (docs/decisions/032-merging-duplicates.md), in one
 * transaction: its quotes (with their events, so re-announcements count on the kept one), figures,
 * turned-down passages, countries and themes the kept one lacks, followers and suggestions move
 * to the kept one; the duplicate's row and history stay, marked merged-into (out of every list,
 * its slug redirecting), and both histories get an entry with the admin's note.
 */
export async function mergeInitiatives(
  db: Db,
  actor: SessionUser,
  input: MergeInitiativesInput,
): Promise<{ keepSlug: string; version: number; tags: string[] }> {
  return inTransaction(db, async (tx) => {
    const keep = await claim(tx, input.keepSlug, input.keepVersion, "keep");
    const duplicate = await claim(tx, input.duplicateSlug, input.duplicateVersion, "duplicate");
    // A waiting change was made against the duplicate's version: the reviewer must decide it first.
    if (await tx.pendingChange.count({ where: { initiativeId: duplicate.id, state: "pending" } })) throw new MergeError("mergePending", "duplicateSlug");

    const tags = new Set<string>([TAG.initiative(duplicate.slug), TAG.events]);
    const changes: FieldChange[] = [{ field: MERGED_FROM, from: null, to: duplicate.slug }];

    const quotes = await tx.quote.findMany({
      where: { initiativeId: duplicate.id },
      select: { id: true, text: true, sourceId: true, event: { select: { slug: true } } },
    });
    await tx.quote.updateMany({ where: { initiativeId: duplicate.id }, data: { initiativeId: keep.id } });
    for (const quote of quotes) {
      await indexQuote(tx, { id: quote.id, text: quote.text, initiativeId: keep.id });
      tags.add(TAG.source(quote.sourceId));
      if (quote.event) tags.add(TAG.event(quote.event.slug));
    }
    if (quotes.length) tags.add(TAG.sources);
    // A moved figure's page and feed now name the kept initiative.
    const moved = await tx.metric.findMany({ where: { initiativeId: duplicate.id }, select: { slug: true } });
    if (moved.length) {
      await tx.metric.updateMany({ where: { initiativeId: duplicate.id }, data: { initiativeId: keep.id } });
      tags.add(TAG.metrics);
      for (const { slug } of moved) tags.add(TAG.metric(slug));
    }
    await tx.passageRejection.updateMany({ where: { initiativeId: duplicate.id }, data: { initiativeId: keep.id } });

    // Countries and themes: the kept one's own rows win; the duplicate's others move over.
    const keptCountries = new Set(keep.participations.map((row) => row.countryCode));
    for (const row of duplicate.participations) {
      tags.add(TAG.country(row.countryCode));
      if (keptCountries.has(row.countryCode)) continue;
      await tx.participation.create({ data: { initiativeId: keep.id, ...row } });
      changes.push({ field: `country.${row.countryCode}.role`, from: null, to: row.role });
    }
    await tx.participation.deleteMany({ where: { initiativeId: duplicate.id } });
    const keptThemes = new Set(keep.themes.map((row) => row.theme));
    const addedThemes = duplicate.themes.filter((row) => !keptThemes.has(row.theme));
    for (const { theme } of addedThemes) await tx.initiativeTheme.create({ data: { initiativeId: keep.id, theme } });
    if (addedThemes.length)
      changes.push({ field: "themes", from: [...keptThemes].sort().join(", "), to: [...keptThemes, ...addedThemes.map((row) => row.theme)].sort().join(", ") });
    for (const { theme } of duplicate.themes) tags.add(TAG.theme(theme));
    await tx.initiativeTheme.deleteMany({ where: { initiativeId: duplicate.id } });
    if (duplicate.proposerCountryCode) tags.add(TAG.country(duplicate.proposerCountryCode));
    if (!keep.proposerCountryCode && !keep.proposerPersonId && (duplicate.proposerCountryCode || duplicate.proposerPersonId)) {
      await tx.initiative.update({
        where: { id: keep.id },
        data: { proposerCountryCode: duplicate.proposerCountryCode, proposerPersonId: duplicate.proposerPersonId, proposerQuoteId: duplicate.proposerQuoteId },
      });
      if (duplicate.proposerCountryCode) changes.push({ field: "proposerCountryCode", from: null, to: duplicate.proposerCountryCode });
    }

    // Followers of the duplicate follow the kept one; one who already does keeps that subscription.
    const followers = await tx.alertSubscription.findMany({ where: { target: "initiative", targetKey: duplicate.slug }, select: { id: true, email: true } });
    const already = new Set(
      (
        await tx.alertSubscription.findMany({
          where: { target: "initiative", targetKey: keep.slug, email: { in: followers.map((row) => row.email) } },
          select: { email: true },
        })
      ).map((row) => row.email),
    );
    for (const follower of followers) {
      if (already.has(follower.email)) await tx.alertSubscription.delete({ where: { id: follower.id } });
      else await tx.alertSubscription.update({ where: { id: follower.id }, data: { targetKey: keep.slug } });
    }
    await tx.suggestion.updateMany({ where: { subject: "initiative", subjectKey: duplicate.slug }, data: { subjectKey: keep.slug } });

    await tx.initiative.update({ where: { id: duplicate.id }, data: { mergedIntoId: keep.id } });
    // Initiatives merged into the duplicate earlier now point at the kept one: one hop for every redirect.
    await tx.initiative.updateMany({ where: { mergedIntoId: duplicate.id }, data: { mergedIntoId: keep.id } });
    await removeInitiativeFromIndex(tx, duplicate.id);

    const closing = await writeHistoryEntry(tx, duplicate, {
      kind: "edit",
      changes: [{ field: MERGED_INTO, from: null, to: keep.slug }],
      note: input.note,
      authorId: actor.id,
    });
    for (const tag of closing.tags) tags.add(tag);
    // The duplicate's notes now lead search to the kept one.
    for (const entry of await tx.historyEntry.findMany({ where: { initiativeId: duplicate.id }, select: { id: true, note: true, overrideNote: true } })) {
      await indexHistoryNote(tx, { ...entry, initiativeId: keep.id });
    }
    const entry = await writeHistoryEntry(tx, keep, { kind: "edit", changes, note: input.note, authorId: actor.id });
    for (const tag of entry.tags) tags.add(tag);
    return { keepSlug: keep.slug, version: entry.version, tags: [...tags].sort() };
  });
}

/** What the admin compares before merging: each side's facts, what would move, and its version. */
export async function getMergeSide(db: Db, slug: string) {
  return db.initiative.findUnique({
    where: { slug },
    select: {
      ...INITIATIVE_NAME_SELECT,
      status: true,
      stage: true,
      version: true,
      mergedInto: { select: { slug: true } },
      event: { select: { nameRu: true, nameEn: true } },
      _count: { select: { quotes: true, metrics: true, participations: true, history: true, pendingChanges: { where: { state: "pending" } } } },
    },
  });
}

import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Theme } from "../domain/vocabulary";
import { parseChanges, type FieldChange } from "./field-changes";
import { dayToDate } from "../dates";

/**
 * History entries across initiatives, for feeds, exports and the API. Takes the client
 * as a parameter, so tests can give it theirs.
 */

export interface HistoryFilter {
  initiativeSlug?: string;
  /** Initiatives the country proposes or takes part in. */
  countryCode?: string;
  theme?: Theme;
  /** Only entries recorded strictly after this instant. */
  since?: Date;
  /**
   * Only real changes that took effect strictly after this instant: editors' entries by their
   * effective date, or the day they were recorded when they give none. Entries imported from the
   * source articles are the starting point, not changes.
   */
  changedSince?: Date;
  limit?: number; // default 50, max 10_000
  /** Entries to skip first (paged views), at most 10 000. */
  offset?: number;
  order?: "desc" | "asc"; // by recordedAt then id; default "desc"
}

/** `changedSince` for "took effect on or after this day" (YYYY-MM-DD), as /changes and its downloads read it. */
export function changedOnOrAfter(day: string): Date {
  return new Date(dayToDate(day).getTime() - 1);
}

export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 10_000;

/** The limit actually applied: default 50 when missing or not a number, clamped to 1…10 000. */
export function historyLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return DEFAULT_HISTORY_LIMIT;
  return Math.min(Math.max(Math.floor(limit), 1), MAX_HISTORY_LIMIT);
}

/** The initiatives a filter selects (every given criterion must hold); null when it selects all. */
export function historyInitiativeWhere(filter: HistoryFilter = {}): Prisma.InitiativeWhereInput | null {
  const conditions: Prisma.InitiativeWhereInput[] = [];
  if (filter.initiativeSlug !== undefined) conditions.push({ slug: filter.initiativeSlug });
  if (filter.countryCode !== undefined) {
    const code = filter.countryCode.toUpperCase();
    conditions.push({ OR: [{ proposerCountryCode: code }, { participations: { some: { countryCode: code } } }] });
  }
  if (filter.theme !== undefined) conditions.push({ themes: { some: { theme: filter.theme } } });
  return conditions.length ? { AND: conditions } : null;
}

/** The Prisma condition on history entries for a filter. */
export function historyWhere(filter: HistoryFilter = {}): Prisma.HistoryEntryWhereInput {
  const where: Prisma.HistoryEntryWhereInput = {};
  const initiative = historyInitiativeWhere(filter);
  if (initiative) where.initiative = initiative;
  if (filter.since !== undefined) where.recordedAt = { gt: filter.since };
  if (filter.changedSince !== undefined) {
    where.authorId = { not: null };
    where.OR = [{ effectiveOn: { gt: filter.changedSince } }, { effectiveOn: null, recordedAt: { gt: filter.changedSince } }];
  }
  return where;
}

/**
 * The one select for history entries: every view of an entry (the initiative page, feeds, exports,
 * the API, conflicts, recent changes) reads these fields or a subset of them (historySelect), so
 * its rows are this payload or a Pick of it. People appear by display name only, never by e-mail.
 */
export const HISTORY_ITEM_SELECT = {
  id: true,
  version: true,
  kind: true,
  recordedAt: true,
  effectiveOn: true,
  fromStatus: true,
  toStatus: true,
  fromStage: true,
  toStage: true,
  changes: true,
  note: true,
  overrideNote: true,
  correctsId: true,
  evidenceUrl: true,
  evidenceTitle: true,
  evidenceDate: true,
  author: { select: { displayName: true } },
  reviewer: { select: { displayName: true } },
  // The date of the article a quote comes from dates entries imported from it (dateFromMetadata:
  // the date is a metadata line above the text, not a printed dateline).
  quote: { select: { id: true, sourceId: true, text: true, source: { select: { publishedOn: true, dateFromMetadata: true } } } },
  initiative: { select: { slug: true, titleRu: true, titleEn: true, meetingRelation: true } },
} satisfies Prisma.HistoryEntrySelect;

type HistorySelect = typeof HISTORY_ITEM_SELECT;
export type HistoryRow = Prisma.HistoryEntryGetPayload<{ select: HistorySelect }>;

/** A row (or a Pick of one) as views show it: its changes parsed, its people as display names. */
export type AsHistoryItem<R> = Omit<R, "author" | "reviewer" | "changes"> &
  ("changes" extends keyof R ? { changes: FieldChange[] } : unknown) &
  ("author" extends keyof R ? { authorName: string | null } : unknown) &
  ("reviewer" extends keyof R ? { reviewerName: string | null } : unknown);

/** A history entry with its initiative, as feeds, exports, the API and the pages show it. */
export type HistoryItem = AsHistoryItem<HistoryRow>;

/** Some fields of the one select, for a view that shows only those; its rows are Picks of HistoryRow. */
export function historySelect<K extends keyof HistorySelect>(...keys: K[]): Pick<HistorySelect, K> {
  return Object.fromEntries(keys.map((key) => [key, HISTORY_ITEM_SELECT[key]])) as Pick<HistorySelect, K>;
}

/** Every field but the initiative, for the initiative's own page. */
export const { initiative: _initiative, ...HISTORY_ENTRY_VIEW_SELECT } = HISTORY_ITEM_SELECT;

export function toHistoryItem<R extends Partial<HistoryRow>>(row: R): AsHistoryItem<R> {
  const { author, reviewer, changes, ...rest } = row;
  return {
    ...rest,
    ...(changes !== undefined && { changes: parseChanges(changes) }),
    ...("author" in row && { authorName: author?.displayName ?? null }),
    ...("reviewer" in row && { reviewerName: reviewer?.displayName ?? null }),
  } as AsHistoryItem<R>;
}

/** One query: the entries matching `filter`, with their initiative and people's display names. */
export async function listHistory(prisma: PrismaClient, filter: HistoryFilter = {}): Promise<HistoryItem[]> {
  const order = filter.order === "asc" ? "asc" : "desc";
  const rows = await prisma.historyEntry.findMany({
    where: historyWhere(filter),
    orderBy: [{ recordedAt: order }, { id: order }],
    take: historyLimit(filter.limit),
    skip: Math.min(Math.max(Math.floor(filter.offset ?? 0) || 0, 0), MAX_HISTORY_LIMIT),
    select: HISTORY_ITEM_SELECT,
  });
  return rows.map((row) => toHistoryItem(row));
}

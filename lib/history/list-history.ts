import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { HistoryKind } from "../generated/prisma/enums";
import type { InitiativeStatus, MeetingRelation, Stage, Theme } from "../domain/vocabulary";
import { parseChanges, type FieldChange } from "./field-changes";

/**
 * History entries across initiatives, for feeds, exports and the API. Takes the client
 * as a parameter (no `server-only`), so CLI scripts and tests can use it too.
 */

export interface HistoryItem {
  id: number;
  version: number;
  kind: HistoryKind;
  recordedAt: Date;
  effectiveOn: Date | null;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  changes: FieldChange[];
  note: string;
  overrideNote: string | null;
  /** Display name only — never an e-mail. Null for entries imported from the source articles. */
  authorName: string | null;
  reviewerName: string | null;
  correctsId: number | null;
  evidenceUrl: string | null;
  evidenceTitle: string | null;
  evidenceDate: Date | null;
  quote: { id: number; sourceId: number; text: string; source: HistoryQuoteSource } | null;
  initiative: { slug: string; titleRu: string; titleEn: string; meetingRelation: MeetingRelation };
}

/** The date of the article a quote comes from, which dates entries imported from it. */
export interface HistoryQuoteSource {
  publishedOn: Date | null;
  /** The date is a metadata line above the text, not a printed dateline. */
  dateFromMetadata: boolean;
}

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

export const HISTORY_QUOTE_SOURCE_SELECT = { publishedOn: true, dateFromMetadata: true } as const;

/** The fields a HistoryItem is built from; only display names of people, never e-mails. */
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
  quote: { select: { id: true, sourceId: true, text: true, source: { select: HISTORY_QUOTE_SOURCE_SELECT } } },
  initiative: { select: { slug: true, titleRu: true, titleEn: true, meetingRelation: true } },
} satisfies Prisma.HistoryEntrySelect;

type HistoryRow = Prisma.HistoryEntryGetPayload<{ select: typeof HISTORY_ITEM_SELECT }>;

export function toHistoryItem({ author, reviewer, changes, ...row }: HistoryRow): HistoryItem {
  return { ...row, changes: parseChanges(changes), authorName: author?.displayName ?? null, reviewerName: reviewer?.displayName ?? null };
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
  return rows.map(toHistoryItem);
}

import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { INITIATIVE_STATUSES, THEMES, type InitiativeStatus, type Theme } from "../domain/vocabulary";
import { historySelect, toHistoryItem, type HistoryItem } from "../history/list-history";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "../metrics/metric-view";

/** A status change on the front page: a few fields of the shared history item, its new status known. */
export type RecentChange = Pick<HistoryItem, "id" | "fromStatus" | "toStage" | "effectiveOn" | "recordedAt" | "authorName" | "initiative"> & {
  toStatus: NonNullable<HistoryItem["toStatus"]>;
};

const RECENT_CHANGE_SELECT = historySelect("id", "fromStatus", "toStatus", "toStage", "effectiveOn", "recordedAt", "author", "initiative");

export interface DashboardMeeting {
  nameRu: string;
  nameEn: string;
  placeRu: string | null;
  placeEn: string | null;
  /** The meeting's date as a source states it; null: the texts do not say. */
  dateText: string | null;
  /** The earliest date of an article that reports it, and whether that date is a metadata line. */
  reportedOn: Date | null;
  reportedOnFromMetadata: boolean;
}

export interface Dashboard {
  /** The meeting's own outcomes: the headline counts count only these. */
  total: number;
  /** Entries kept as context: welcomed there, bilateral visits, background. */
  contextCount: number;
  meeting: DashboardMeeting | null;
  /** The latest editor's change (by when it was recorded); null: nothing changed since the import. */
  lastChangeAt: Date | null;
  byStatus: { status: InitiativeStatus; count: number }[];
  byTheme: { theme: Theme; count: number }[];
  targets: (MetricView & { initiativeSlug: string; initiativeTitleRu: string; initiativeTitleEn: string })[];
  recentChanges: RecentChange[];
}

const OUTCOME = { meetingRelation: "outcome", mergedIntoId: null } as const;

export async function getDashboard(prisma: PrismaClient, recentLimit = 8): Promise<Dashboard> {
  const [total, contextCount, statusGroups, themeGroups, metrics, changes, meetingGroups, lastChange] = await Promise.all([
    prisma.initiative.count({ where: OUTCOME }),
    prisma.initiative.count({ where: { meetingRelation: { not: "outcome" }, mergedIntoId: null } }),
    prisma.initiative.groupBy({ by: ["status"], where: OUTCOME, _count: { _all: true } }),
    prisma.initiativeTheme.groupBy({ by: ["theme"], where: { initiative: OUTCOME }, _count: { _all: true } }),
    prisma.metric.findMany({
      where: { targetValue: { not: null } },
      orderBy: { id: "asc" },
      select: {
        ...METRIC_VIEW_SELECT,
        initiative: { select: { slug: true, titleRu: true, titleEn: true } },
      },
    }),
    prisma.historyEntry.findMany({
      where: { kind: "status_change", toStatus: { not: null } },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      take: recentLimit,
      select: RECENT_CHANGE_SELECT,
    }),
    // The meeting is the event with the most outcomes.
    prisma.initiative.groupBy({ by: ["eventId"], where: OUTCOME, _count: { _all: true }, orderBy: { _count: { eventId: "desc" } }, take: 1 }),
    prisma.historyEntry.findFirst({ where: { authorId: { not: null } }, orderBy: [{ recordedAt: "desc" }, { id: "desc" }], select: { recordedAt: true } }),
  ]);
  const meetingId = meetingGroups[0]?.eventId;
  const meetingRow =
    meetingId === undefined
      ? null
      : await prisma.event.findUnique({
          where: { id: meetingId },
          select: {
            nameRu: true,
            nameEn: true,
            placeRu: true,
            placeEn: true,
            dateText: true,
            quotes: { select: { source: { select: { publishedOn: true, dateFromMetadata: true } } } },
          },
        });
  const reported = (meetingRow?.quotes ?? [])
    .map((quote) => quote.source)
    .filter((source): source is { publishedOn: Date; dateFromMetadata: boolean } => source.publishedOn !== null)
    .sort((a, b) => a.publishedOn.getTime() - b.publishedOn.getTime())[0];

  const statusCount = new Map(statusGroups.map((group) => [group.status, group._count._all]));
  const themeCount = new Map(themeGroups.map((group) => [group.theme, group._count._all]));
  return {
    total,
    contextCount,
    meeting: meetingRow
      ? {
          nameRu: meetingRow.nameRu,
          nameEn: meetingRow.nameEn,
          placeRu: meetingRow.placeRu,
          placeEn: meetingRow.placeEn,
          dateText: meetingRow.dateText,
          reportedOn: reported?.publishedOn ?? null,
          reportedOnFromMetadata: reported?.dateFromMetadata ?? false,
        }
      : null,
    lastChangeAt: lastChange?.recordedAt ?? null,
    byStatus: INITIATIVE_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byTheme: THEMES.map((theme) => ({ theme, count: themeCount.get(theme) ?? 0 })),
    targets: metrics.map(({ initiative, ...metric }) => ({
      ...toMetricView(metric),
      initiativeSlug: initiative.slug,
      initiativeTitleRu: initiative.titleRu,
      initiativeTitleEn: initiative.titleEn,
    })),
    // Filtered to entries with a new status above.
    recentChanges: changes.map((change) => ({ ...toHistoryItem(change), toStatus: change.toStatus! })),
  };
}

import "server-only";
import { prisma } from "../db/prisma";
import { INITIATIVE_STATUSES, THEMES, type InitiativeStatus, type Stage, type Theme } from "../domain/vocabulary";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "../metrics/metric-view";

export interface RecentChange {
  id: number;
  initiativeSlug: string;
  titleRu: string;
  titleEn: string;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus;
  toStage: Stage | null;
  effectiveOn: Date | null;
  recordedAt: Date;
  authorName: string | null;
}

export interface Dashboard {
  total: number;
  byStatus: { status: InitiativeStatus; count: number }[];
  byTheme: { theme: Theme; count: number }[];
  targets: (MetricView & { initiativeSlug: string; initiativeTitleRu: string; initiativeTitleEn: string })[];
  recentChanges: RecentChange[];
}

export async function getDashboard(recentLimit = 8): Promise<Dashboard> {
  const [total, statusGroups, themeGroups, metrics, changes] = await Promise.all([
    prisma.initiative.count(),
    prisma.initiative.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.initiativeTheme.groupBy({ by: ["theme"], _count: { _all: true } }),
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
      select: {
        id: true,
        fromStatus: true,
        toStatus: true,
        toStage: true,
        effectiveOn: true,
        recordedAt: true,
        author: { select: { displayName: true } },
        initiative: { select: { slug: true, titleRu: true, titleEn: true } },
      },
    }),
  ]);

  const statusCount = new Map(statusGroups.map((group) => [group.status, group._count._all]));
  const themeCount = new Map(themeGroups.map((group) => [group.theme, group._count._all]));
  return {
    total,
    byStatus: INITIATIVE_STATUSES.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    byTheme: THEMES.map((theme) => ({ theme, count: themeCount.get(theme) ?? 0 })),
    targets: metrics.map(({ initiative, ...metric }) => ({
      ...toMetricView(metric),
      initiativeSlug: initiative.slug,
      initiativeTitleRu: initiative.titleRu,
      initiativeTitleEn: initiative.titleEn,
    })),
    recentChanges: changes.map((change) => ({
      id: change.id,
      initiativeSlug: change.initiative.slug,
      titleRu: change.initiative.titleRu,
      titleEn: change.initiative.titleEn,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus!, // filtered to non-null above
      toStage: change.toStage,
      effectiveOn: change.effectiveOn,
      recordedAt: change.recordedAt,
      authorName: change.author?.displayName ?? null,
    })),
  };
}

import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { InitiativeStatus, Stage, Theme } from "../domain/vocabulary";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "../metrics/metric-view";
import { listRecentHistory, type RecentHistoryEntry } from "../countries/recent-history";
import { parseTheme } from "./parse-theme";
import { rollUpStatuses, type StatusRollup } from "./status-rollup";
import { INITIATIVE_NAME_SELECT } from "../initiatives/initiative-select";

export interface ThemeInitiative {
  slug: string;
  titleRu: string;
  titleEn: string;
  status: InitiativeStatus;
  stage: Stage | null;
}

export type ThemeMetric = MetricView & { initiativeSlug: string; initiativeTitleRu: string; initiativeTitleEn: string };

export interface ThemeOverview {
  theme: Theme;
  initiatives: ThemeInitiative[];
  rollup: StatusRollup;
  metrics: ThemeMetric[];
  recentChanges: RecentHistoryEntry[];
}

/** A theme's initiatives, their status roll-up, their figures and their latest history. */
export async function getThemeOverview(prisma: PrismaClient, rawTheme: string, recentLimit = 10): Promise<ThemeOverview | null> {
  const theme = parseTheme(rawTheme);
  if (!theme) return null;
  const rows = await prisma.initiative.findMany({
    where: { themes: { some: { theme } }, mergedIntoId: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      ...INITIATIVE_NAME_SELECT,
      status: true,
      stage: true,
      metrics: { orderBy: { id: "asc" }, select: METRIC_VIEW_SELECT },
    },
  });
  return {
    theme,
    initiatives: rows.map(({ slug, titleRu, titleEn, status, stage }) => ({ slug, titleRu, titleEn, status, stage })),
    rollup: rollUpStatuses(rows.map((row) => row.status)),
    metrics: rows.flatMap((row) =>
      row.metrics.map((metric) => ({
        ...toMetricView(metric),
        initiativeSlug: row.slug,
        initiativeTitleRu: row.titleRu,
        initiativeTitleEn: row.titleEn,
      })),
    ),
    recentChanges: await listRecentHistory(
      prisma,
      rows.map((row) => row.id),
      recentLimit,
    ),
  };
}

import "server-only";
import { prisma } from "../db/prisma";
import type { InitiativeStatus } from "../domain/vocabulary";
import { METRIC_VIEW_SELECT, toMetricView, type MetricView } from "./metric-view";

export type MetricListItem = MetricView & {
  initiativeSlug: string;
  initiativeTitleRu: string;
  initiativeTitleEn: string;
  initiativeStatus: InitiativeStatus;
};

/** Every figure with its baseline, target and dated readings (one query). */
export async function listMetrics(): Promise<MetricListItem[]> {
  const rows = await prisma.metric.findMany({
    orderBy: { id: "asc" },
    select: {
      ...METRIC_VIEW_SELECT,
      initiative: { select: { slug: true, titleRu: true, titleEn: true, status: true } },
    },
  });
  return rows.map(({ initiative, ...metric }) => ({
    ...toMetricView(metric),
    initiativeSlug: initiative.slug,
    initiativeTitleRu: initiative.titleRu,
    initiativeTitleEn: initiative.titleEn,
    initiativeStatus: initiative.status,
  }));
}

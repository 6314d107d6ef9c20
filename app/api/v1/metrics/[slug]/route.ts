import { notFound, READ_ONLY } from "@/lib/api/http";
import { getApiMetric } from "@/lib/api/queries";
import { handleResource } from "@/lib/api/resource-route";
import { slugSchema } from "@/lib/api/schemas";
import { serializeMetricDetail } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { getMetricHistory } from "@/lib/metrics/get-metric-history";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/metrics/{slug}: one figure with its readings and its history. Schema: MetricResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleResource(request, context.params, "slug", slugSchema, async (slug) => {
    const [metric, history] = await Promise.all([getApiMetric(prisma, slug), getMetricHistory(prisma, slug)]);
    if (!metric || !history) return notFound("Metric", "slug", slug);
    return freshJson(request, { data: serializeMetricDetail(metric, history) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

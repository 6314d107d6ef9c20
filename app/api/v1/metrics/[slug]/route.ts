import { badRequest, handle, issueDetails, notFound, parseQuery, READ_ONLY } from "@/lib/api/http";
import { getApiMetric } from "@/lib/api/queries";
import { noParamsSchema, slugSchema } from "@/lib/api/schemas";
import { serializeMetricDetail } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { getMetricHistory } from "@/lib/metrics/get-metric-history";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/metrics/{slug}: one figure with its readings and its history. Schema: MetricResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(request, async () => {
    const { slug } = await context.params;
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const parsed = slugSchema.safeParse(slug);
    if (!parsed.success) return badRequest(issueDetails(parsed.error, []).map((detail) => ({ ...detail, parameter: "slug" })));
    const [metric, history] = await Promise.all([getApiMetric(prisma, parsed.data), getMetricHistory(prisma, parsed.data)]);
    if (!metric || !history) return notFound("Metric", "slug", parsed.data);
    return freshJson(request, { data: serializeMetricDetail(metric, history) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

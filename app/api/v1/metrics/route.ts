import { handle, parseQuery, READ_ONLY } from "@/lib/api/http";
import { listApiMetrics } from "@/lib/api/queries";
import { noParamsSchema } from "@/lib/api/schemas";
import { serializeMetricRow } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/metrics: every figure and target with its readings. Schema: MetricList. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const metrics = await listApiMetrics(prisma);
    return freshJson(request, { data: metrics.map(serializeMetricRow) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

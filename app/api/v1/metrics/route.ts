import { handle, jsonResponse, parseQuery, READ_ONLY } from "@/lib/api/http";
import { listApiMetrics } from "@/lib/api/queries";
import { noParamsSchema } from "@/lib/api/schemas";
import { serializeMetricRow } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";

/** GET /api/v1/metrics: every figure and target with its readings. Schema: MetricList. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(request, async () => {
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const metrics = await listApiMetrics(prisma);
    return jsonResponse({ data: metrics.map(serializeMetricRow) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

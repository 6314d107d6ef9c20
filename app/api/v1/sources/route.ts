import { handle, parseQuery, READ_ONLY } from "@/lib/api/http";
import { listApiSources } from "@/lib/api/queries";
import { sourceQuerySchema } from "@/lib/api/schemas";
import { serializeSourceSummary } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/sources: every source matching the filters, without its text. Schema: SourceList. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(new URL(request.url), sourceQuerySchema, Object.keys(sourceQuerySchema.shape));
    if (!query.ok) return query.response;
    const sources = await listApiSources(prisma, query.value);
    return freshJson(request, { data: sources.map(serializeSourceSummary) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

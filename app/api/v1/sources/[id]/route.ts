import { badRequest, handle, issueDetails, notFound, parseQuery, READ_ONLY } from "@/lib/api/http";
import { getApiSource } from "@/lib/api/queries";
import { noParamsSchema, sourceIdSchema } from "@/lib/api/schemas";
import { serializeSource } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/sources/{id}: the full text and every quoted span. Schema: SourceResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await context.params;
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const parsedId = sourceIdSchema.safeParse(id);
    if (!parsedId.success) return badRequest(issueDetails(parsedId.error, []).map((detail) => ({ ...detail, parameter: "id" })));
    const source = await getApiSource(prisma, parsedId.data);
    if (!source) return notFound("Source", "id", String(parsedId.data));
    return freshJson(request, { data: serializeSource(source) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

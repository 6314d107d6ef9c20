import { notFound, READ_ONLY } from "@/lib/api/http";
import { getApiSource } from "@/lib/api/queries";
import { handleResource } from "@/lib/api/resource-route";
import { sourceIdSchema } from "@/lib/api/schemas";
import { serializeSource } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/sources/{id}: the full text and every quoted span. Schema: SourceResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleResource(request, context.params, "id", sourceIdSchema, async (id) => {
    const source = await getApiSource(prisma, id);
    if (!source) return notFound("Source", "id", String(id));
    return freshJson(request, { data: serializeSource(source) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

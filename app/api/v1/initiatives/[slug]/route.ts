import { badRequest, handle, issueDetails, notFound, parseQuery, READ_ONLY } from "@/lib/api/http";
import { noParamsSchema, slugSchema } from "@/lib/api/schemas";
import { serializeInitiative } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { getInitiative } from "@/lib/initiatives/get-initiative";
import { freshJson } from "@/lib/api/fresh-json";
import { mergedTarget, permanentRedirectResponse } from "@/lib/initiatives/merged-target";

/** GET /api/v1/initiatives/{slug}: everything getInitiative returns. Schema: InitiativeResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(request, async () => {
    const { slug } = await context.params;
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const parsedSlug = slugSchema.safeParse(slug);
    if (!parsedSlug.success) return badRequest(issueDetails(parsedSlug.error, []).map((detail) => ({ ...detail, parameter: "slug" })));
    // The API answers with the whole history in one document.
    const initiative = await getInitiative(prisma, parsedSlug.data, 1, 100_000);
    if (!initiative) {
      const kept = await mergedTarget(prisma, parsedSlug.data);
      if (kept) return permanentRedirectResponse(`/api/v1/initiatives/${encodeURIComponent(kept)}${new URL(request.url).search}`);
      return notFound("Initiative", "slug", parsedSlug.data);
    }
    return freshJson(request, { data: serializeInitiative(initiative) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

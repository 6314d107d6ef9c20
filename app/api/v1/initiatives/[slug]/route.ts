import { notFound, READ_ONLY } from "@/lib/api/http";
import { handleResource } from "@/lib/api/resource-route";
import { slugSchema } from "@/lib/api/schemas";
import { serializeInitiative } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { getInitiative } from "@/lib/initiatives/get-initiative";
import { freshJson } from "@/lib/api/fresh-json";
import { mergedTarget, permanentRedirectResponse } from "@/lib/initiatives/merged-target";

/** GET /api/v1/initiatives/{slug}: everything getInitiative returns. Schema: InitiativeResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleResource(request, context.params, "slug", slugSchema, async (slug) => {
    // The API answers with the whole history in one document.
    const initiative = await getInitiative(prisma, slug, 1, 100_000);
    if (!initiative) {
      const kept = await mergedTarget(prisma, slug);
      if (kept) return permanentRedirectResponse(`/api/v1/initiatives/${encodeURIComponent(kept)}${new URL(request.url).search}`);
      return notFound("Initiative", "slug", slug);
    }
    return freshJson(request, { data: serializeInitiative(initiative) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

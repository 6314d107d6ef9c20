import { notFound, READ_ONLY } from "@/lib/api/http";
import { handleResource } from "@/lib/api/resource-route";
import { slugSchema } from "@/lib/api/schemas";
import { serializeEvent } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { getEvent } from "@/lib/events/get-event";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/events/{slug}: one event with its attendees, initiatives and history. Schema: EventResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleResource(request, context.params, "slug", slugSchema, async (slug) => {
    const event = await getEvent(prisma, slug);
    if (!event) return notFound("Event", "slug", slug);
    return freshJson(request, { data: serializeEvent(event) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

import { badRequest, handle, issueDetails, notFound, parseQuery, READ_ONLY } from "@/lib/api/http";
import { noParamsSchema, slugSchema } from "@/lib/api/schemas";
import { serializeEvent } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { getEvent } from "@/lib/events/get-event";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/events/{slug}: one event with its attendees, initiatives and history. Schema: EventResponse. */
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(request, async () => {
    const { slug } = await context.params;
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const parsed = slugSchema.safeParse(slug);
    if (!parsed.success) return badRequest(issueDetails(parsed.error, []).map((detail) => ({ ...detail, parameter: "slug" })));
    const event = await getEvent(prisma, parsed.data);
    if (!event) return notFound("Event", "slug", parsed.data);
    return freshJson(request, { data: serializeEvent(event) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

import { handle, parseQuery, READ_ONLY } from "@/lib/api/http";
import { noParamsSchema } from "@/lib/api/schemas";
import { serializeEventSummary } from "@/lib/api/serialize";
import { prisma } from "@/lib/db/prisma";
import { listEvents } from "@/lib/events/get-event";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/events: every event, newest first, with its counts of initiatives. Schema: EventList. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(request, async () => {
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const events = await listEvents(prisma);
    return freshJson(request, { data: events.map(serializeEventSummary) });
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

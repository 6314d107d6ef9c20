import { handle, parseQuery, READ_ONLY } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { noParamsSchema } from "@/lib/api/schemas";
import { freshJson } from "@/lib/api/fresh-json";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from lib/api/schemas.ts. */
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    return freshJson(request, openApiDocument());
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = READ_ONLY;

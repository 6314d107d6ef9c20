import { errorResponse } from "@/lib/api/http";
import { API_BASE } from "@/lib/api/openapi";

/** Any other path under /api/v1: a JSON 404 naming the document that lists the endpoints. */
export const dynamic = "force-dynamic";

async function noSuchEndpoint(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  return errorResponse(404, "No such endpoint", [{ parameter: "path", message: `${pathname} is not an endpoint of this API; see ${API_BASE}/openapi.json` }]);
}

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;

import type { z } from "zod";
import { badRequest, handle, issueDetails, parseQuery } from "./http";
import { noParamsSchema } from "./schemas";

/**
 * A GET of one resource named by its path: no query parameters, the path parameter parsed by
 * `schema` (a 400 naming the parameter otherwise), then `answer` with the parsed value.
 */
export function handleResource<P extends Record<string, string>, S extends z.ZodType>(
  request: Request,
  params: Promise<P>,
  parameter: keyof P & string,
  schema: S,
  answer: (value: z.output<S>) => Promise<Response>,
): Promise<Response> {
  return handle(request, async () => {
    const value = (await params)[parameter];
    const query = parseQuery(new URL(request.url), noParamsSchema, []);
    if (!query.ok) return query.response;
    const parsed = schema.safeParse(value);
    if (!parsed.success) return badRequest(issueDetails(parsed.error, []).map((detail) => ({ ...detail, parameter })));
    return answer(parsed.data as z.output<S>);
  });
}

import { z } from "zod";
import { initiativeQuerySchema } from "../initiatives/query-initiatives";
import { apiSchemas, historyQuerySchema, sourceQuerySchema, initiativeListExtraSchema, PARAMETER_DESCRIPTIONS, slugSchema, sourceIdSchema } from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas in ./schemas with zod's
 * own z.toJSONSchema (JSON Schema draft 2020-12, OpenAPI 3.1's dialect). Served at
 * /api/v1/openapi.json and rendered for people at /api-docs.
 */

export type JsonSchema = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: "query" | "path";
  required: boolean;
  description: string;
  schema: JsonSchema;
  /** Several values: comma-separated in one parameter (`country=KZ,UZ`). */
  style?: "form";
  explode?: false;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { $ref: string }>;
  content: Record<string, { schema: JsonSchema }>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: ParameterObject[];
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OperationObject }>;
  components: {
    schemas: Record<string, JsonSchema>;
    headers: Record<string, { description: string; schema: JsonSchema }>;
  };
}

export const API_VERSION = "1.0.0";
export const API_BASE = "/api/v1";

/** Operation ids in the order the docs list them. */
export const OPERATIONS = [
  "listInitiatives",
  "getInitiative",
  "listSources",
  "getSource",
  "listEvents",
  "getEvent",
  "listHistory",
  "listCountries",
  "listMetrics",
  "getMetric",
  "getOpenApiDocument",
] as const;
export type OperationId = (typeof OPERATIONS)[number];

/** A seed figure, for the example request. */
const EXAMPLE_METRIC = "intra-regional-trade-volume";

/** Example requests for each operation (the docs page links them). */
export const API_EXAMPLES: Record<OperationId, string[]> = {
  listInitiatives: [
    `${API_BASE}/initiatives?theme=water_environment&pageSize=5`,
    `${API_BASE}/initiatives?status=agreed&sort=title&lang=en`,
    `${API_BASE}/initiatives?q=%D0%B2%D0%BE%D0%B4%D0%B0&facets=true`,
    `${API_BASE}/initiatives?country=KZ&page=2&pageSize=5`,
  ],
  getInitiative: [`${API_BASE}/initiatives/ai-declaration`],
  listSources: [`${API_BASE}/sources`],
  getSource: [`${API_BASE}/sources/1`],
  listEvents: [`${API_BASE}/events`],
  getEvent: [`${API_BASE}/events/tashkent-2025`],
  listHistory: [`${API_BASE}/history?pageSize=10`, `${API_BASE}/history?country=UZ&since=2025-11-01`],
  listCountries: [`${API_BASE}/countries`],
  listMetrics: [`${API_BASE}/metrics`],
  getMetric: [`${API_BASE}/metrics/${EXAMPLE_METRIC}`],
  getOpenApiDocument: [`${API_BASE}/openapi.json`],
};

/** Requests that fail, to show the error format. */
export const ERROR_EXAMPLES = [
  `${API_BASE}/initiatives?status=finished&pageSize=1000`,
  `${API_BASE}/initiatives?foo=bar`,
  `${API_BASE}/history?since=yesterday`,
  `${API_BASE}/initiatives/nope`,
];

const TARGET = "draft-2020-12" as const;

function withoutMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** A parameter's schema: what a client sends (zod's input side, with its default), or the value it names. */
function parameterSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  return withoutMeta(z.toJSONSchema(schema, { target: TARGET, io, unrepresentable: "any" }) as JsonSchema);
}

/** Country codes are upper-cased before they are checked, so either case is accepted. */
function acceptedInput(schema: JsonSchema): JsonSchema {
  if (schema.type === "array" && schema.items) return { ...schema, items: acceptedInput(schema.items as JsonSchema) };
  return schema.pattern === "^[A-Z]{2}$" ? { ...schema, pattern: "^[A-Za-z]{2}$" } : schema;
}

function queryParameters(shape: Record<string, z.ZodType>, descriptions: Record<string, string> = {}): ParameterObject[] {
  return Object.entries(shape).map(([name, schema]) => {
    const json = acceptedInput(parameterSchema(schema));
    return {
      name,
      in: "query",
      required: false,
      description: descriptions[name] ?? PARAMETER_DESCRIPTIONS[name] ?? name,
      schema: json,
      ...(json.type === "array" ? { style: "form" as const, explode: false as const } : {}),
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const JSON_TYPE = "application/json";
const DATA_HEADERS = {
  "Cache-Control": { $ref: "#/components/headers/CacheControl" },
  "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
};

function ok(description: string, schemaId: string | null): ResponseObject {
  return { description, headers: DATA_HEADERS, content: { [JSON_TYPE]: { schema: schemaId ? ref(schemaId) : { type: "object" } } } };
}

function error(description: string): ResponseObject {
  return { description, content: { [JSON_TYPE]: { schema: ref("Error") } } };
}

const BAD_REQUEST = error("A parameter is unknown, given twice or invalid; `details` names each.");
const NOT_FOUND = error("Nothing has this slug or id.");
const SERVER_ERROR = error("Something went wrong on the server.");

function operation(
  operationId: OperationId,
  tag: string,
  summary: string,
  description: string,
  parameters: ParameterObject[],
  success: ResponseObject,
  notFound = false,
): OperationObject {
  const responses: Record<string, ResponseObject> = { "200": success, "400": BAD_REQUEST };
  if (notFound) responses["404"] = NOT_FOUND;
  responses["500"] = SERVER_ERROR;
  return { operationId, summary, description, tags: [tag], parameters, responses };
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiSchemas, { target: TARGET, uri: (id) => `#/components/schemas/${id}` });
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Only named schemas are shared; "__shared" would mean an unnamed schema with an id somewhere.
    if (id === "__shared") throw new Error("unexpected shared definitions in the API schemas");
    result[id] = withoutMeta(schema as JsonSchema);
  }
  return result;
}

function build(): OpenApiDocument {
  const listShape = { ...initiativeQuerySchema.shape, ...initiativeListExtraSchema.shape } as Record<string, z.ZodType>;
  const historyShape = historyQuerySchema.shape as Record<string, z.ZodType>;
  const paths: OpenApiDocument["paths"] = {
    [`${API_BASE}/initiatives`]: {
      get: operation(
        "listInitiatives",
        "Initiatives",
        "List initiatives",
        "Initiatives matching every given filter, a page at a time. The same query as the site's list: the same filters give the same rows. Unknown parameters and invalid values are errors.",
        queryParameters(listShape),
        ok("A page of initiatives.", "InitiativeList"),
      ),
    },
    [`${API_BASE}/initiatives/{slug}`]: {
      get: operation(
        "getInitiative",
        "Initiatives",
        "One initiative",
        "Everything known about one initiative: titles and summaries in both languages, kind, status, stage, themes, event, proposer, dates, countries with their role and own stage, the quotes that report it, its figures and its full history. The slug of a duplicate an admin merged into another initiative answers 308 (Permanent Redirect) with the kept initiative's address in `Location`.",
        [{ name: "slug", in: "path", required: true, description: PARAMETER_DESCRIPTIONS.slug!, schema: parameterSchema(slugSchema) }],
        ok("The initiative.", "InitiativeResponse"),
        true,
      ),
    },
    [`${API_BASE}/sources`]: {
      get: operation(
        "listSources",
        "Sources",
        "List sources",
        "Every source matching every given filter, without its text, with its kind, address, uploaded file (name, type, size, sha-256) and number of quoted passages. Unknown parameters and invalid values are errors.",
        queryParameters(sourceQuerySchema.shape as Record<string, z.ZodType>, { kind: "Only sources of this kind." }),
        ok("Every matching source.", "SourceList"),
      ),
    },
    [`${API_BASE}/sources/{id}`]: {
      get: operation(
        "getSource",
        "Sources",
        "One source",
        "A source's full text exactly as received, with every quoted span (offsets into the text) and the initiative it reports, and its history: who added it and every correction of its details.",
        [{ name: "id", in: "path", required: true, description: PARAMETER_DESCRIPTIONS.id!, schema: parameterSchema(sourceIdSchema, "output") }],
        ok("The source.", "SourceResponse"),
        true,
      ),
    },
    [`${API_BASE}/events`]: {
      get: operation(
        "listEvents",
        "Events",
        "List events",
        "Every meeting or visit the tracker records, newest first, with its place and date as the sources state them and how many initiatives were filed under it or announced again there.",
        [],
        ok("Every event.", "EventList"),
      ),
    },
    [`${API_BASE}/events/{slug}`]: {
      get: operation(
        "getEvent",
        "Events",
        "One event",
        "One event: names, place and date as stated, the countries that attended, the initiatives filed under it and those announced again there, and its history (who added it and every correction).",
        [
          {
            name: "slug",
            in: "path",
            required: true,
            description: "The event's slug, as in its page address, e.g. tashkent-2025.",
            schema: parameterSchema(slugSchema),
          },
        ],
        ok("The event.", "EventResponse"),
        true,
      ),
    },
    [`${API_BASE}/history`]: {
      get: operation(
        "listHistory",
        "History",
        "History of all initiatives",
        "History entries (status and stage changes, edits, verifications), newest first, a page at a time.",
        queryParameters(historyShape, {
          country: "Only entries of initiatives this country (ISO 3166-1 alpha-2, case-insensitive) proposes or takes part in.",
          theme: "Only entries of initiatives on this theme.",
        }),
        ok("A page of history entries.", "HistoryList"),
      ),
    },
    [`${API_BASE}/countries`]: {
      get: operation(
        "listCountries",
        "Countries",
        "List countries",
        "Every country the sources name, members of the format first, with how many initiatives each proposes, takes part in or supports.",
        [],
        ok("Every country.", "CountryList"),
      ),
    },
    [`${API_BASE}/metrics`]: {
      get: operation(
        "listMetrics",
        "Metrics",
        "List metrics",
        "Every quantitative figure or target with its baseline, target and dated readings.",
        [],
        ok("Every metric.", "MetricList"),
      ),
    },
    [`${API_BASE}/metrics/{slug}`]: {
      get: operation(
        "getMetric",
        "Metrics",
        "One metric",
        "One figure or target with its readings, its own history (who added it, when and why) and the entries of its initiative's history about it.",
        [
          {
            name: "slug",
            in: "path",
            required: true,
            description: "The figure's slug, as in its page address under /targets.",
            schema: parameterSchema(slugSchema),
          },
        ],
        ok("The metric.", "MetricResponse"),
        true,
      ),
    },
    [`${API_BASE}/openapi.json`]: {
      get: operation("getOpenApiDocument", "Meta", "This document", "The OpenAPI 3.1 description of this API.", [], ok("The OpenAPI document.", null)),
    },
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "Summit Initiatives Tracker API",
      version: API_VERSION,
      description:
        'Read-only open data: the initiatives of the VII Consultative Meeting of the Heads of State of Central Asia, each fact tied to a verbatim quote from its sources, with their history. JSON only, no authentication, CORS open. Every error is JSON: `{ "error": "…", "details": [{ "parameter": "…", "message": "…" }] }`.',
    },
    tags: [
      { name: "Initiatives", description: "The initiatives and everything known about each." },
      { name: "Sources", description: "The articles every fact is quoted from." },
      { name: "Events", description: "The meetings and visits initiatives are announced at." },
      { name: "History", description: "Every change to every initiative." },
      { name: "Countries", description: "The countries involved." },
      { name: "Metrics", description: "Figures and targets." },
      { name: "Meta", description: "About the API itself." },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      headers: {
        CacheControl: {
          description: "public, max-age=0, must-revalidate: caches may keep a copy but must check it every time.",
          schema: { type: "string" },
        },
        AllowOrigin: { description: "Always *: any web page may read the data.", schema: { type: "string", const: "*" } },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document (built once per process; it depends on code only). */
/** Where a parameter's description lives in the `apiDocs.parameterDescriptions` messages: by its
 * name, unless the same name means something else in that operation (`kind` of a source). */
const PARAMETER_DESCRIPTION_KEYS: Partial<Record<OperationId, Record<string, string>>> = {
  listHistory: { country: "historyCountry", theme: "historyTheme" },
  getEvent: { slug: "eventSlug" },
  getMetric: { slug: "metricSlug" },
  listSources: { outlet: "sourceOutlet", kind: "sourceKind", language: "sourceLanguage", from: "sourceFrom", to: "sourceTo" },
};

export function parameterDescriptionKey(operationId: string, parameter: string): string {
  return PARAMETER_DESCRIPTION_KEYS[operationId as OperationId]?.[parameter] ?? parameter;
}

export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}

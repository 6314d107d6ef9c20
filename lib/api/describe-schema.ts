import type { JsonSchema } from "./openapi";

/**
 * Reads the JSON Schemas of the OpenAPI document into plain rows for the docs page
 * (/api-docs): what type a field or parameter has, which values it allows, which fields an
 * object has. Named components stay named (the page links them) instead of being inlined.
 */

export interface TypeInfo {
  /** "ref" points at a named component; "union" is anyOf of several non-null types. */
  kind: "string" | "integer" | "number" | "boolean" | "object" | "array" | "ref" | "union" | "any";
  nullable: boolean;
  format?: string;
  ref?: { name: string; isEnum: boolean };
  items?: TypeInfo;
  anyOf?: TypeInfo[];
  enum?: string[];
  constValue?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  defaultValue?: unknown;
}

export interface FieldRow {
  /** Dotted path; `[]` marks the items of an array. */
  path: string;
  required: boolean;
  type: TypeInfo;
}

type Components = Record<string, JsonSchema>;

const REF_PREFIX = "#/components/schemas/";
/** JSON Schema's "no limit" for integers, as zod writes it: not worth showing. */
const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

export function refName(schema: JsonSchema): string | null {
  const ref = schema.$ref;
  return typeof ref === "string" && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : null;
}

export function isEnumSchema(schema: JsonSchema | undefined): boolean {
  return Array.isArray(schema?.enum);
}

const isNull = (schema: JsonSchema) => schema.type === "null";

export function describeType(schema: JsonSchema, components: Components): TypeInfo {
  const name = refName(schema);
  if (name) return { kind: "ref", nullable: false, ref: { name, isEnum: isEnumSchema(components[name]) } };

  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf as JsonSchema[];
    const nullable = options.some(isNull);
    const rest = options.filter((option) => !isNull(option)).map((option) => describeType(option, components));
    if (rest.length === 1) return { ...rest[0]!, nullable: true, defaultValue: schema.default };
    return { kind: "union", nullable, anyOf: rest, defaultValue: schema.default };
  }

  const info: TypeInfo = { kind: "any", nullable: false };
  // `type: ["string", "null"]` is how a nullable primitive is written.
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  if (types.includes("null")) info.nullable = true;
  const rest = types.filter((type) => type !== "null");
  const type = rest.length === 1 ? rest[0] : undefined;
  if (type === "string" || type === "integer" || type === "number" || type === "boolean" || type === "object" || type === "array") info.kind = type;
  if (typeof schema.format === "string") info.format = schema.format;
  if (Array.isArray(schema.enum)) info.enum = (schema.enum as unknown[]).map(String);
  if (schema.const !== undefined) info.constValue = String(schema.const);
  if (typeof schema.minimum === "number" && schema.minimum > -SAFE_LIMIT) info.minimum = schema.minimum;
  if (typeof schema.maximum === "number" && schema.maximum < SAFE_LIMIT) info.maximum = schema.maximum;
  if (typeof schema.exclusiveMinimum === "number") info.exclusiveMinimum = schema.exclusiveMinimum;
  if (typeof schema.minLength === "number") info.minLength = schema.minLength;
  if (typeof schema.maxLength === "number") info.maxLength = schema.maxLength;
  // Date and date-time formats carry a long pattern of their own; the format says it better.
  if (typeof schema.pattern === "string" && !info.format) info.pattern = schema.pattern;
  if (schema.default !== undefined) info.defaultValue = schema.default;
  if (info.kind === "array" && schema.items && typeof schema.items === "object") info.items = describeType(schema.items as JsonSchema, components);
  return info;
}

/** The object an inline schema (or a nullable one) describes, if it is an inline object. */
function inlineObject(schema: JsonSchema): JsonSchema | null {
  if (schema.type === "object" && schema.properties) return schema;
  if (Array.isArray(schema.anyOf)) {
    const rest = (schema.anyOf as JsonSchema[]).filter((option) => !isNull(option));
    if (rest.length === 1) return inlineObject(rest[0]!);
  }
  return null;
}

function inlineArrayItems(schema: JsonSchema): JsonSchema | null {
  if (schema.type === "array" && schema.items && typeof schema.items === "object") return inlineObject(schema.items as JsonSchema);
  return null;
}

/** Every field of an object schema, inline objects and arrays of inline objects flattened. */
export function objectFields(schema: JsonSchema, components: Components, prefix = ""): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const rows: FieldRow[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const path = `${prefix}${key}`;
    rows.push({ path, required: required.has(key), type: describeType(property, components) });
    const object = inlineObject(property);
    if (object) rows.push(...objectFields(object, components, `${path}.`));
    const items = inlineArrayItems(property);
    if (items) rows.push(...objectFields(items, components, `${path}[].`));
  }
  return rows;
}

/** The named components, split into object schemas and value sets (enums), in document order. */
export function namedSchemas(components: Components): { objects: string[]; enums: string[] } {
  const names = Object.keys(components);
  return {
    objects: names.filter((name) => components[name]!.type === "object"),
    enums: names.filter((name) => isEnumSchema(components[name])),
  };
}

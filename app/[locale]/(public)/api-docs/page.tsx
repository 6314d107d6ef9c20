import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { describeType, namedSchemas, objectFields, type TypeInfo } from "@/lib/api/describe-schema";
import { API_BASE, API_EXAMPLES, ERROR_EXAMPLES, OPERATIONS, openApiDocument, parameterDescriptionKey, type JsonSchema, type ParameterObject } from "@/lib/api/openapi";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";

/** The API's reference for people, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

type Translator = Awaited<ReturnType<typeof getTranslations>>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "apiDocs" });
  return { title: t("metaTitle") };
}

const SPEC_URL = `${API_BASE}/openapi.json`;

/** Value sets whose codes the site already names (namespace of the core messages). */
const VALUE_LABELS: Record<string, string> = {
  InitiativeStatus: "status",
  Stage: "stage",
  InitiativeKind: "kind",
  Theme: "theme",
  CountryRole: "role",
  HistoryKind: "history.kind",
  MeetingRelation: "meetingRelation",
  SpeakerKind: "speakerKind",
};

/** Parameters whose meaning differs per endpoint have their own description key. */
const ERROR_EXAMPLE = {
  error: "Invalid parameters: status, pageSize",
  details: [
    { parameter: "status", message: "must be one of: proposed, in_preparation, agreed, in_progress, implemented, stalled, dropped" },
    { parameter: "pageSize", message: "must be at most 100" },
  ],
};

const cell = "border-t border-slate-200 px-3 py-2 align-top";
const headCell = "px-3 py-2 text-left font-semibold";
const tableClass = "w-full border-collapse text-sm";
const linkClass = "text-blue-800 underline";

function Code({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">{children}</code>;
}

/** An example request shown exactly as it is sent (percent-encoded, so it can be pasted into curl), with its decoded form beside it. */
function ApiLink({ href }: { href: string }) {
  const decoded = decodeURIComponent(href);
  return (
    <>
      <a href={href} className={`${linkClass} break-all`}>
        <Code>{href}</Code>
      </a>
      {decoded !== href && <span className="ml-2 break-all text-sm text-slate-700">({decoded})</span>}
    </>
  );
}

function Join({ items, separator }: { items: ReactNode[]; separator: ReactNode }) {
  return (
    <>
      {items.map((item, index) => (
        <span key={index}>
          {index > 0 && separator}
          {item}
        </span>
      ))}
    </>
  );
}

function TypeLabel({ type, t }: { type: TypeInfo; t: Translator }): ReactNode {
  let base: ReactNode;
  if (type.kind === "ref" && type.ref) {
    const anchor = type.ref.isEnum ? `values-${type.ref.name}` : `schema-${type.ref.name}`;
    base = (
      <a href={`#${anchor}`} className={linkClass}>
        <Code>{type.ref.name}</Code>
      </a>
    );
  } else if (type.kind === "array") {
    base = (
      <>
        {t("arrayOf")} {type.items ? <TypeLabel type={type.items} t={t} /> : <Code>any</Code>}
      </>
    );
  } else if (type.kind === "union" && type.anyOf) {
    base = <Join items={type.anyOf.map((option, index) => <TypeLabel key={index} type={option} t={t} />)} separator={` ${t("or")} `} />;
  } else if (type.kind === "any") {
    base = t("anyValue");
  } else {
    base = (
      <>
        <Code>{type.kind}</Code>
        {type.format && (
          <>
            {" "}
            (<Code>{type.format}</Code>)
          </>
        )}
      </>
    );
  }
  return (
    <>
      {base}
      {type.nullable && (
        <>
          {" "}
          {t("or")} <Code>null</Code>
        </>
      )}
    </>
  );
}

/** Allowed values of a parameter: its enum, range, length or pattern. */
function Constraints({ type, t }: { type: TypeInfo; t: Translator }): ReactNode {
  const parts: ReactNode[] = [];
  if (type.kind === "union" && type.anyOf) {
    return <Join items={type.anyOf.map((option, index) => <Constraints key={index} type={option} t={t} />)} separator={`; `} />;
  }
  if (type.enum) {
    parts.push(
      <span key="enum">
        {t("oneOf")} <Join items={type.enum.map((value) => <Code key={value}>{value}</Code>)} separator=", " />
      </span>,
    );
  }
  if (type.constValue !== undefined) parts.push(<Code key="const">{type.constValue}</Code>);
  const min = type.minimum;
  const max = type.maximum;
  if (min !== undefined && max !== undefined) parts.push(<span key="range">{t("range", { min, max })}</span>);
  else if (min !== undefined) parts.push(<span key="min">{t("atLeast", { min })}</span>);
  else if (type.exclusiveMinimum !== undefined) {
    parts.push(<span key="gt">{t("greaterThan", { min: type.exclusiveMinimum })}</span>);
    if (max !== undefined) parts.push(<span key="max">{t("atMost", { max })}</span>);
  } else if (max !== undefined) parts.push(<span key="max">{t("atMost", { max })}</span>);
  if (type.minLength !== undefined && type.minLength > 1) parts.push(<span key="minLength">{t("minLength", { min: type.minLength })}</span>);
  if (type.maxLength !== undefined) parts.push(<span key="maxLength">{t("maxLength", { max: type.maxLength })}</span>);
  if (type.pattern) {
    parts.push(
      <span key="pattern">
        {t("pattern")} <Code>{type.pattern}</Code>
      </span>,
    );
  }
  if (type.format === "date") parts.push(<Code key="format">YYYY-MM-DD</Code>);
  if (parts.length === 0) return t("none");
  return <Join items={parts} separator="; " />;
}

function ParametersTable({ operationId, parameters, components, t }: { operationId: string; parameters: ParameterObject[]; components: Record<string, JsonSchema>; t: Translator }) {
  if (parameters.length === 0) return <p className="text-slate-700">{t("noParameters")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headCell}>{t("columns.name")}</th>
            <th scope="col" className={headCell}>{t("columns.in")}</th>
            <th scope="col" className={headCell}>{t("columns.type")}</th>
            <th scope="col" className={headCell}>{t("columns.constraints")}</th>
            <th scope="col" className={headCell}>{t("columns.default")}</th>
            <th scope="col" className={headCell}>{t("columns.description")}</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((parameter) => {
            const type = describeType(parameter.schema, components);
            const key = parameterDescriptionKey(operationId, parameter.name);
            return (
              <tr key={parameter.name}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <Code>{parameter.name}</Code>
                </th>
                <td className={cell}>{t(`in.${parameter.in}`)}</td>
                <td className={cell}>
                  <TypeLabel type={type} t={t} />
                </td>
                <td className={cell}>
                  <Constraints type={type} t={t} />
                </td>
                <td className={cell}>{type.defaultValue !== undefined ? <Code>{String(type.defaultValue)}</Code> : t("none")}</td>
                <td className={cell}>{t(`parameterDescriptions.${key}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function ApiDocsPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("apiDocs");
  const valueTranslators = Object.fromEntries(
    await Promise.all(Object.entries(VALUE_LABELS).map(async ([name, namespace]) => [name, await getTranslations(namespace)] as const)),
  );
  const doc = openApiDocument();
  const components = doc.components.schemas;
  const { objects, enums } = namedSchemas(components);
  const operations = OPERATIONS.map((operationId) => {
    const [path, item] = Object.entries(doc.paths).find(([, entry]) => entry.get.operationId === operationId)!;
    return { operationId, path, operation: item.get };
  });
  const code = (chunks: ReactNode) => <Code>{chunks}</Code>;

  return (
    <article className="space-y-8" aria-labelledby="api-docs-title">
      <header>
        <h1 id="api-docs-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-700">{t("intro")}</p>
        <p className="mt-3">
          {t("spec")} <ApiLink href={SPEC_URL} />
        </p>
      </header>

      <nav aria-labelledby="api-docs-contents" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="api-docs-contents" className="text-xl font-semibold">
          {t("contents")}
        </h2>
        <ul className="mt-3 grid gap-1 sm:grid-cols-2">
          <li>
            <a href="#conventions" className={linkClass}>
              {t("conventions.title")}
            </a>
          </li>
          <li>
            <a href="#errors" className={linkClass}>
              {t("errors.title")}
            </a>
          </li>
          {operations.map(({ operationId, path }) => (
            <li key={operationId}>
              <a href={`#${operationId}`} className={linkClass}>
                {t(`operations.${operationId}.summary`)}
              </a>{" "}
              <Code>{path}</Code>
            </li>
          ))}
          <li>
            <a href="#schemas" className={linkClass}>
              {t("schemas.title")}
            </a>
          </li>
          <li>
            <a href="#value-sets" className={linkClass}>
              {t("valueSets.title")}
            </a>
          </li>
        </ul>
      </nav>

      <section id="conventions" aria-labelledby="conventions-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="conventions-title" className="text-xl font-semibold">
          {t("conventions.title")}
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-5">
          {(["base", "json", "languages", "dates", "strict", "caching"] as const).map((key) => (
            <li key={key}>{t.rich(`conventions.${key}`, { code })}</li>
          ))}
        </ul>
      </section>

      <section id="errors" aria-labelledby="errors-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="errors-title" className="text-xl font-semibold">
          {t("errors.title")}
        </h2>
        <p className="mt-2">{t("errors.intro")}</p>
        <h3 className="mt-4 font-semibold">{t("errors.exampleTitle")}</h3>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-sm text-slate-50">
          <code>{JSON.stringify(ERROR_EXAMPLE, null, 2)}</code>
        </pre>
        <div className="mt-4 overflow-x-auto">
          <table className={tableClass}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={headCell}>{t("errors.statusColumn")}</th>
                <th scope="col" className={headCell}>{t("errors.meaningColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {(["400", "404", "405", "500"] as const).map((status) => (
                <tr key={status}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    <Code>{status}</Code>
                  </th>
                  <td className={cell}>{t(`errors.status.${status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="mt-4 font-semibold">{t("errors.tryTitle")}</h3>
        <ul className="mt-2 space-y-1">
          {ERROR_EXAMPLES.map((href) => (
            <li key={href}>
              <ApiLink href={href} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="endpoints-title" className="space-y-6">
        <h2 id="endpoints-title" className="text-2xl font-semibold">
          {t("endpoints")}
        </h2>
        {operations.map(({ operationId, path, operation }) => (
          <section
            key={operationId}
            id={operationId}
            aria-labelledby={`${operationId}-title`}
            className="rounded-lg border border-slate-200 bg-white p-5"
            data-testid={`api-operation-${operationId}`}
          >
            <h3 id={`${operationId}-title`} className="text-xl font-semibold">
              {t(`operations.${operationId}.summary`)}
            </h3>
            <p className="mt-1">
              <Code>GET {path}</Code>
            </p>
            <p className="mt-2 text-slate-800">{t(`operations.${operationId}.description`)}</p>

            <h4 className="mt-4 font-semibold">{t("parameters")}</h4>
            <div className="mt-2">
              <ParametersTable operationId={operationId} parameters={operation.parameters} components={components} t={t} />
            </div>

            <h4 className="mt-4 font-semibold">{t("examples")}</h4>
            <ul className="mt-2 space-y-1">
              {API_EXAMPLES[operationId].map((href) => (
                <li key={href}>
                  <ApiLink href={href} />
                </li>
              ))}
            </ul>

            <h4 className="mt-4 font-semibold">{t("responses")}</h4>
            <div className="mt-2 overflow-x-auto">
              <table className={tableClass}>
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className={headCell}>{t("columns.status")}</th>
                    <th scope="col" className={headCell}>{t("columns.body")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(operation.responses).map(([status, response]) => {
                    const schema = response.content["application/json"]?.schema ?? {};
                    return (
                      <tr key={status}>
                        <th scope="row" className={`${cell} text-left font-normal`}>
                          <Code>{status}</Code>
                        </th>
                        <td className={cell}>
                          <TypeLabel type={describeType(schema, components)} t={t} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </section>

      <section id="schemas" aria-labelledby="schemas-title" className="space-y-6">
        <h2 id="schemas-title" className="text-2xl font-semibold">
          {t("schemas.title")}
        </h2>
        <p>{t.rich("schemas.intro", { code })}</p>
        {objects.map((name) => (
          <section key={name} id={`schema-${name}`} aria-labelledby={`schema-${name}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
            <h3 id={`schema-${name}-title`} className="text-lg font-semibold">
              <Code>{name}</Code>
            </h3>
            <div className="mt-2 overflow-x-auto">
              <table className={tableClass}>
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className={headCell}>{t("columns.field")}</th>
                    <th scope="col" className={headCell}>{t("columns.type")}</th>
                    <th scope="col" className={headCell}>{t("columns.required")}</th>
                  </tr>
                </thead>
                <tbody>
                  {objectFields(components[name]!, components).map((field) => (
                    <tr key={field.path}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        <Code>{field.path}</Code>
                      </th>
                      <td className={cell}>
                        <TypeLabel type={field.type} t={t} />
                        {field.type.enum && (
                          <>
                            : <Join items={field.type.enum.map((value) => <Code key={value}>{value}</Code>)} separator=", " />
                          </>
                        )}
                      </td>
                      <td className={cell}>{field.required ? t("yes") : t("no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </section>

      <section id="value-sets" aria-labelledby="value-sets-title" className="space-y-6">
        <h2 id="value-sets-title" className="text-2xl font-semibold">
          {t("valueSets.title")}
        </h2>
        <p>{t("valueSets.intro")}</p>
        {enums.map((name) => {
          const values = ((components[name]!.enum ?? []) as unknown[]).map(String);
          const label = valueTranslators[name];
          return (
            <section key={name} id={`values-${name}`} aria-labelledby={`values-${name}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
              <h3 id={`values-${name}-title`} className="text-lg font-semibold">
                {t(`valueSetNames.${name}`)} (<Code>{name}</Code>)
              </h3>
              <div className="mt-2 overflow-x-auto">
                <table className={tableClass}>
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className={headCell}>{t("columns.value")}</th>
                      <th scope="col" className={headCell}>{t("columns.meaning")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {values.map((value) => (
                      <tr key={value}>
                        <th scope="row" className={`${cell} text-left font-normal`}>
                          <Code>{value}</Code>
                        </th>
                        <td className={cell}>{label ? label(value) : t("none")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
      </section>

      <p>
        <Link href="/initiatives" className={linkClass}>
          {t("backToList")}
        </Link>
      </p>
    </article>
  );
}

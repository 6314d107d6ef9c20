import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ApiLink, ApiLinks, Code, DocSection, DocTable, linkClass } from "@/components/api-docs/doc-parts";
import { listOperations, OperationSection } from "@/components/api-docs/operation-section";
import { ObjectSchemaSection, ValueSetSection } from "@/components/api-docs/schema-sections";
import { namedSchemas } from "@/lib/api/describe-schema";
import { API_BASE, ERROR_EXAMPLES, openApiDocument } from "@/lib/api/openapi";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { lookUp } from "@/lib/i18n/look-up";

/** The API's reference for people, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "apiDocs" });
  return { title: t("metaTitle") };
}

const SPEC_URL = `${API_BASE}/openapi.json`;

/** Value sets whose codes the site already names (namespace of the core messages). */
const VALUE_LABELS = {
  InitiativeStatus: "status",
  Stage: "stage",
  InitiativeKind: "kind",
  Theme: "theme",
  CountryRole: "role",
  HistoryKind: "history.kind",
  MeetingRelation: "meetingRelation",
  SpeakerKind: "speakerKind",
} as const;

/** An answer in the one error shape, as the API sends it for bad parameters. */
const ERROR_EXAMPLE = {
  error: "Invalid parameters: status, pageSize",
  details: [
    { parameter: "status", message: "must be one of: proposed, in_preparation, agreed, in_progress, implemented, stalled, dropped" },
    { parameter: "pageSize", message: "must be at most 100" },
  ],
};

export default async function ApiDocsPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("apiDocs");
  const valueTranslators = Object.fromEntries(
    await Promise.all(
      Object.entries(VALUE_LABELS).map(async ([name, namespace]) => {
        const label = await getTranslations(namespace);
        return [name, (value: string) => lookUp(label, value) ?? value] as const;
      }),
    ),
  );
  const doc = openApiDocument();
  const components = doc.components.schemas;
  const { objects, enums } = namedSchemas(components);
  const operations = listOperations(doc);
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

      <DocSection id="conventions" level={2} title={t("conventions.title")} titleClass="text-xl font-semibold">
        <ul className="mt-3 list-disc space-y-2 pl-5">
          {(["base", "json", "languages", "dates", "strict", "caching"] as const).map((key) => (
            <li key={key}>{t.rich(`conventions.${key}`, { code })}</li>
          ))}
        </ul>
      </DocSection>

      <DocSection id="errors" level={2} title={t("errors.title")} titleClass="text-xl font-semibold">
        <p className="mt-2">{t("errors.intro")}</p>
        <h3 className="mt-4 font-semibold">{t("errors.exampleTitle")}</h3>
        <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-slate-900 p-3 text-sm text-slate-50">
          <code>{JSON.stringify(ERROR_EXAMPLE, null, 2)}</code>
        </pre>
        <DocTable
          className="mt-4"
          headings={[t("errors.statusColumn"), t("errors.meaningColumn")]}
          rows={(["400", "404", "405", "500"] as const).map((status) => ({ key: status, name: status, cells: [t(`errors.status.${status}`)] }))}
        />
        <h3 className="mt-4 font-semibold">{t("errors.tryTitle")}</h3>
        <ApiLinks hrefs={ERROR_EXAMPLES} />
      </DocSection>

      <section aria-labelledby="endpoints-title" className="space-y-6">
        <h2 id="endpoints-title" className="text-2xl font-semibold">
          {t("endpoints")}
        </h2>
        {operations.map((operation) => (
          <OperationSection key={operation.operationId} {...operation} components={components} t={t} />
        ))}
      </section>

      <section id="schemas" aria-labelledby="schemas-title" className="space-y-6">
        <h2 id="schemas-title" className="text-2xl font-semibold">
          {t("schemas.title")}
        </h2>
        <p>{t.rich("schemas.intro", { code })}</p>
        {objects.map((name) => (
          <ObjectSchemaSection key={name} name={name} components={components} t={t} />
        ))}
      </section>

      <section id="value-sets" aria-labelledby="value-sets-title" className="space-y-6">
        <h2 id="value-sets-title" className="text-2xl font-semibold">
          {t("valueSets.title")}
        </h2>
        <p>{t("valueSets.intro")}</p>
        {enums.map((name) => (
          <ValueSetSection key={name} name={name} values={((components[name]!.enum ?? []) as unknown[]).map(String)} label={valueTranslators[name]} t={t} />
        ))}
      </section>

      <p>
        <Link href="/initiatives" className={linkClass}>
          {t("backToList")}
        </Link>
      </p>
    </article>
  );
}

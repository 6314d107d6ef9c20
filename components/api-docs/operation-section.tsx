import { describeType } from "@/lib/api/describe-schema";
import { API_EXAMPLES, OPERATIONS, parameterDescriptionKey, type JsonSchema, type openApiDocument, type ParameterObject } from "@/lib/api/openapi";
import { ApiLinks, Code, DocSection, DocTable, type Translator } from "./doc-parts";
import { Constraints, TypeLabel } from "./type-label";
import { lookUp } from "@/lib/i18n/look-up";

type Document = ReturnType<typeof openApiDocument>;
export type Operation = { operationId: (typeof OPERATIONS)[number]; path: string; operation: Document["paths"][string]["get"] };

/** The document's operations in the reference's order, each with its path. */
export function listOperations(doc: Document): Operation[] {
  return OPERATIONS.map((operationId) => {
    const [path, item] = Object.entries(doc.paths).find(([, entry]) => entry.get.operationId === operationId)!;
    return { operationId, path, operation: item.get };
  });
}

function ParametersTable({
  operationId,
  parameters,
  components,
  t,
}: {
  operationId: string;
  parameters: ParameterObject[];
  components: Record<string, JsonSchema>;
  t: Translator;
}) {
  if (parameters.length === 0) return <p className="text-slate-700">{t("noParameters")}</p>;
  return (
    <DocTable
      headings={[t("columns.name"), t("columns.in"), t("columns.type"), t("columns.constraints"), t("columns.default"), t("columns.description")]}
      rows={parameters.map((parameter) => {
        const type = describeType(parameter.schema, components);
        return {
          key: parameter.name,
          name: parameter.name,
          cells: [
            t(`in.${parameter.in}`),
            <TypeLabel key="type" type={type} t={t} />,
            <Constraints key="constraints" type={type} t={t} />,
            type.defaultValue !== undefined ? <Code>{String(type.defaultValue)}</Code> : t("none"),
            lookUp(t, `parameterDescriptions.${parameterDescriptionKey(operationId, parameter.name)}`) ?? parameter.name,
          ],
        };
      })}
    />
  );
}

/** One endpoint: what it does, its parameters, example requests and its responses. */
export function OperationSection({ operationId, path, operation, components, t }: Operation & { components: Record<string, JsonSchema>; t: Translator }) {
  return (
    <DocSection id={operationId} title={t(`operations.${operationId}.summary`)} titleClass="text-xl font-semibold" testId={`api-operation-${operationId}`}>
      <p className="mt-1">
        <Code>GET {path}</Code>
      </p>
      <p className="mt-2 text-slate-800">{t(`operations.${operationId}.description`)}</p>

      <h4 className="mt-4 font-semibold">{t("parameters")}</h4>
      <div className="mt-2">
        <ParametersTable operationId={operationId} parameters={operation.parameters} components={components} t={t} />
      </div>

      <h4 className="mt-4 font-semibold">{t("examples")}</h4>
      <ApiLinks hrefs={API_EXAMPLES[operationId]} />

      <h4 className="mt-4 font-semibold">{t("responses")}</h4>
      <DocTable
        className="mt-2"
        headings={[t("columns.status"), t("columns.body")]}
        rows={Object.entries(operation.responses).map(([status, response]) => ({
          key: status,
          name: status,
          cells: [<TypeLabel key="body" type={describeType(response.content["application/json"]?.schema ?? {}, components)} t={t} />],
        }))}
      />
    </DocSection>
  );
}

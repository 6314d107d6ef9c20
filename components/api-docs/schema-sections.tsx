import { objectFields } from "@/lib/api/describe-schema";
import type { JsonSchema } from "@/lib/api/openapi";
import { Code, DocSection, DocTable, Join, type Translator } from "./doc-parts";
import { TypeLabel } from "./type-label";
import { lookUp } from "@/lib/i18n/look-up";

/** A named object schema: its fields (nested ones by dotted path), their types, and which are required. */
export function ObjectSchemaSection({ name, components, t }: { name: string; components: Record<string, JsonSchema>; t: Translator }) {
  return (
    <DocSection id={`schema-${name}`} title={<Code>{name}</Code>}>
      <DocTable
        className="mt-2"
        headings={[t("columns.field"), t("columns.type"), t("columns.required")]}
        rows={objectFields(components[name]!, components).map((field) => ({
          key: field.path,
          name: field.path,
          cells: [
            <>
              <TypeLabel type={field.type} t={t} />
              {field.type.enum && (
                <>
                  :{" "}
                  <Join
                    items={field.type.enum.map((value) => (
                      <Code key={value}>{value}</Code>
                    ))}
                    separator=", "
                  />
                </>
              )}
            </>,
            field.required ? t("yes") : t("no"),
          ],
        }))}
      />
    </DocSection>
  );
}

/** A value set: each code and what it means, in the words the site uses for it. */
export function ValueSetSection({ name, values, label, t }: { name: string; values: string[]; label?: (value: string) => string; t: Translator }) {
  return (
    <DocSection
      id={`values-${name}`}
      title={
        <>
          {lookUp(t, `valueSetNames.${name}`) ?? name} (<Code>{name}</Code>)
        </>
      }
    >
      <DocTable
        className="mt-2"
        headings={[t("columns.value"), t("columns.meaning")]}
        rows={values.map((value) => ({ key: value, name: value, cells: [label ? label(value) : t("none")] }))}
      />
    </DocSection>
  );
}

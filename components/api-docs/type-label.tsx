import type { ReactNode } from "react";
import type { TypeInfo } from "@/lib/api/describe-schema";
import { Code, Join, linkClass, type Translator } from "./doc-parts";

/** A value's type, linked to the schema or value set it names. */
export function TypeLabel({ type, t }: { type: TypeInfo; t: Translator }): ReactNode {
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
    base = (
      <Join
        items={type.anyOf.map((option, index) => (
          <TypeLabel key={index} type={option} t={t} />
        ))}
        separator={` ${t("or")} `}
      />
    );
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
export function Constraints({ type, t }: { type: TypeInfo; t: Translator }): ReactNode {
  const parts: ReactNode[] = [];
  if (type.kind === "union" && type.anyOf) {
    return (
      <Join
        items={type.anyOf.map((option, index) => (
          <Constraints key={index} type={option} t={t} />
        ))}
        separator={`; `}
      />
    );
  }
  if (type.enum) {
    parts.push(
      <span key="enum">
        {t("oneOf")}{" "}
        <Join
          items={type.enum.map((value) => (
            <Code key={value}>{value}</Code>
          ))}
          separator=", "
        />
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

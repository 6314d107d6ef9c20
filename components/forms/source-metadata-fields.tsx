"use client";

import { useTranslations } from "next-intl";
import { SOURCE_KINDS, SOURCE_LANGUAGES } from "@/lib/domain/vocabulary";
import { Field, INPUT } from "./form-kit";

export type SourceMetadata = { title: string; outlet: string; url: string; publishedOn: string; language: string; kind: string };

/** The details of a source, shared by the intake form and the correction form so both ask the same way. */
export function SourceMetadataFields({
  values,
  set,
  errors,
}: {
  values: SourceMetadata;
  set: (key: keyof SourceMetadata) => (event: { target: { value: string } }) => void;
  errors: Record<string, string[]>;
}) {
  const t = useTranslations("intake");
  const tKind = useTranslations("sourceKind");
  const tLanguage = useTranslations("sourceLanguage");
  return (
    <>
      <Field name="title" label={t("sourceTitle")} errors={errors} controlled>
        {(props) => <input {...props} value={values.title} onChange={set("title")} className={INPUT} />}
      </Field>
      <Field name="outlet" label={t("outlet")} errors={errors} controlled>
        {(props) => <input {...props} value={values.outlet} onChange={set("outlet")} className={INPUT} />}
      </Field>
      <Field name="url" label={t("url")} errors={errors} controlled>
        {(props) => <input {...props} type="url" inputMode="url" placeholder="https://" value={values.url} onChange={set("url")} className={INPUT} />}
      </Field>
      <Field name="publishedOn" label={t("publishedOn")} hint={t("publishedHint")} errors={errors} controlled>
        {(props) => <input {...props} type="date" value={values.publishedOn} onChange={set("publishedOn")} className={INPUT} />}
      </Field>
      <Field name="language" label={t("language")} errors={errors} controlled>
        {(props) => (
          <select {...props} value={values.language} onChange={set("language")} className={INPUT}>
            {SOURCE_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {tLanguage(language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="kind" label={t("kind")} errors={errors} controlled>
        {(props) => (
          <select {...props} value={values.kind} onChange={set("kind")} className={INPUT}>
            <option value="">{t("kindNone")}</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tKind(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

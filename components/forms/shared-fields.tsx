"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateInput, Field, INPUT } from "./form-kit";

export interface Option {
  value: string;
  label: string;
}

/** Evidence for a change: a verbatim quote from a source in the tracker, or a dated, titled link. */
export function EvidenceFields({
  errors,
  sources,
  evidence,
}: {
  errors: Record<string, string[]>;
  sources: Option[];
  /** A quote to start from, e.g. one just accepted on the review page. */
  evidence?: { sourceId: number; text: string } | null;
}) {
  const t = useTranslations("editor");
  const [type, setType] = useState<"quote" | "link">("quote");
  return (
    <fieldset className="space-y-3 rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">{t("evidence")}</legend>
      <div className="flex flex-wrap gap-4">
        {(["quote", "link"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="evidenceType" value={value} checked={type === value} onChange={() => setType(value)} />
            {t(value === "quote" ? "evidenceQuote" : "evidenceLink")}
          </label>
        ))}
      </div>
      {type === "quote" ? (
        <>
          <Field name="quoteSourceId" label={t("source")} errors={errors}>
            {(props) => (
              <select {...props} className={INPUT} defaultValue={evidence ? String(evidence.sourceId) : sources[0]?.value}>
                {sources.map((source) => (
                  <option key={source.value} value={source.value}>
                    {source.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="quoteText" label={t("quoteText")} hint={t("quoteTextHint")} errors={errors}>
            {(props) => <textarea {...props} rows={3} lang="ru" defaultValue={evidence?.text} className={INPUT} />}
          </Field>
        </>
      ) : (
        <>
          <Field name="evidenceUrl" label={t("evidenceUrl")} errors={errors}>
            {(props) => <input {...props} type="url" inputMode="url" placeholder="https://" className={INPUT} />}
          </Field>
          <Field name="evidenceTitle" label={t("evidenceTitle")} errors={errors}>
            {(props) => <input {...props} className={INPUT} />}
          </Field>
          <Field name="evidenceDate" label={t("evidenceDate")} errors={errors}>
            {(props) => <DateInput {...props} />}
          </Field>
        </>
      )}
    </fieldset>
  );
}

export function NoteField({ errors, required = true }: { errors: Record<string, string[]>; required?: boolean }) {
  const t = useTranslations("editor");
  return (
    <Field name="note" label={required ? t("note") : t("noteOptional")} hint={t("noteHint")} errors={errors}>
      {(props) => <textarea {...props} rows={2} className={INPUT} />}
    </Field>
  );
}

/** Optional: the history entry this change corrects (history itself is never edited). */
export function CorrectsField({ errors, entries }: { errors: Record<string, string[]>; entries: Option[] }) {
  const t = useTranslations("editor");
  return (
    <Field name="correctsId" label={t("corrects")} hint={t("correctsHint")} errors={errors}>
      {(props) => (
        <select {...props} className={INPUT} defaultValue="">
          <option value="">{t("correctsNone")}</option>
          {entries.map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

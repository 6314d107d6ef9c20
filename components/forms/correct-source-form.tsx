"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { correctSourceAction } from "@/app/actions/source-actions";
import { correctSourceSchema } from "@/lib/sources/source-schemas";
import { SourceFormStatus } from "./add-source-form";
import { ActionForm, Field, INPUT, sentOr, SubmitButton, useValuesSetBeforeHydration } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { SourceMetadataFields, type SourceMetadata } from "./source-metadata-fields";

type Values = SourceMetadata & { note: string };

/** Corrects a source's details (never its text); submitted by hand so nothing typed is lost. */
export function CorrectSourceForm({
  sourceId,
  version,
  initial,
  note = "",
}: {
  sourceId: number;
  version: number;
  initial: Omit<Values, "note">;
  note?: string;
}) {
  const t = useTranslations("intake");
  const { state, errors, pending, form } = useKeptForm(correctSourceAction, correctSourceSchema);
  const [values, setValues] = useState<Values>(() => sentOr(state.values, { ...initial, note }));
  const set = (key: keyof Values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  useValuesSetBeforeHydration(
    form.ref,
    Object.fromEntries(Object.keys(values).map((key) => [key, (value: string) => setValues((current) => ({ ...current, [key]: value }))])),
  );

  return (
    <ActionForm {...form} aria-labelledby="correct-source-title" className="space-y-4">
      <h3 id="correct-source-title" className="text-lg font-semibold">
        {t("correctTitle")}
      </h3>
      <p className="text-sm text-slate-700">{t("correctHint")}</p>
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SourceMetadataFields values={values} set={set} errors={errors} />
      </div>
      <Field name="note" label={t("note")} errors={errors} controlled>
        {(props) => <textarea {...props} rows={2} value={values.note} onChange={set("note")} className={INPUT} />}
      </Field>
      <SourceFormStatus state={state} />
      <SubmitButton pending={pending}>{t("saveCorrection")}</SubmitButton>
    </ActionForm>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { changeStatusAction } from "@/app/actions/initiative-actions";
import { INITIATIVE_STATUSES, STAGES, type InitiativeStatus, type Stage } from "@/lib/domain/vocabulary";
import { changeStatusSchema } from "@/lib/initiatives/edit-schemas";
import { ActionForm, DateInput, Field, FormStatus, INPUT, SubmitButton, useValidatedForm } from "./form-kit";
import { CorrectsField, EvidenceFields, Hidden, NoteField, SelectField, type Option } from "./shared-fields";

export function StatusForm(props: {
  slug: string;
  version: number;
  status: InitiativeStatus;
  stage: Stage | null;
  sources: Option[];
  entries: Option[];
  today: string;
  evidence?: { sourceId: number; text: string } | null;
  draft?: { note: string; url: string | null } | null;
}) {
  const t = useTranslations("editor");
  const tStatus = useTranslations("status");
  const tStage = useTranslations("stage");
  const { state, errors, pending, form } = useValidatedForm(changeStatusAction, changeStatusSchema);
  return (
    <ActionForm {...form} aria-labelledby="status-form-title" className="space-y-4">
      <h3 id="status-form-title" className="text-lg font-semibold">
        {t("statusTitle")}
      </h3>
      {/* The outcome first: a summary of what to fix, or the change that blocked the save. */}
      <FormStatus state={state} />
      <Hidden fields={{ slug: props.slug, version: props.version }} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="status"
          label={t("newStatus")}
          options={INITIATIVE_STATUSES.map((status) => ({ value: status, label: tStatus(status) }))}
          errors={errors}
          defaultValue={props.status}
        />
        <SelectField
          name="stage"
          label={t("newStage")}
          options={STAGES.map((stage) => ({ value: stage, label: tStage(stage) }))}
          errors={errors}
          defaultValue={props.stage ?? ""}
          blank="—"
        />
        <Field name="effectiveOn" label={t("effectiveOn")} errors={errors} defaultValue={props.today}>
          {(p) => <DateInput {...p} />}
        </Field>
      </div>
      <NoteField errors={errors} defaultValue={props.draft?.note} />
      <Field name="overrideNote" label={t("overrideNote")} hint={t("overrideHint")} errors={errors}>
        {(p) => <textarea {...p} rows={2} className={INPUT} />}
      </Field>
      <EvidenceFields errors={errors} sources={props.sources} occurrences={state.quoteOccurrences} evidence={props.evidence} link={props.draft?.url ?? null} />
      <CorrectsField errors={errors} entries={props.entries} />
      <SubmitButton pending={pending}>{t("saveStatus")}</SubmitButton>
    </ActionForm>
  );
}

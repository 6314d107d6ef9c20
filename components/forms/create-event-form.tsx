"use client";

import { useTranslations } from "next-intl";
import { createEventAction } from "@/app/actions/intake-actions";
import { createEventSchema } from "@/lib/intake/create-schemas";
import { SourceFormStatus } from "./add-source-form";
import { ActionForm, Field, INPUT, SubmitButton } from "./form-kit";
import { useKeptForm } from "./kept-form";

/** A later meeting or visit; its creation is the first version of its public history. */
export function CreateEventForm() {
  const t = useTranslations("create");
  const tEditor = useTranslations("editor");
  const { state, errors, pending, form } = useKeptForm(createEventAction, createEventSchema);
  return (
    <ActionForm {...form} aria-label={t("eventPageTitle")} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="nameRu" label={t("nameRu")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="nameEn" label={t("nameEn")} hint={t("slugHint")} errors={errors}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="placeRu" label={t("placeRu")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
        <Field name="placeEn" label={t("placeEn")} errors={errors}>
          {(p) => <input {...p} lang="en" className={INPUT} />}
        </Field>
        <Field name="dateText" label={t("dateText")} errors={errors}>
          {(p) => <input {...p} lang="ru" className={INPUT} />}
        </Field>
      </div>
      <Field name="note" label={tEditor("note")} hint={tEditor("noteHint")} errors={errors}>
        {(p) => <textarea {...p} rows={2} className={INPUT} />}
      </Field>
      <SourceFormStatus state={state} />
      <SubmitButton pending={pending}>{t("createEvent")}</SubmitButton>
    </ActionForm>
  );
}

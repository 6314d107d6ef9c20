"use client";

import { useTranslations } from "next-intl";
import { mergeInitiativesAction } from "@/app/actions/admin-actions";
import { mergeInitiativesSchema } from "@/lib/initiatives/merge-schema";
import { ActionForm, Field, FormStatus, INPUT, SubmitButton, useErrorText } from "./form-kit";
import { useKeptForm } from "./kept-form";

const SIDES = ["duplicateSlug", "duplicateVersion", "keepSlug", "keepVersion"] as const;

/** The merge itself, once the admin has compared both sides: their versions ride along (compare-and-set). */
export function MergeForm(props: { duplicateSlug: string; duplicateVersion: number; keepSlug: string; keepVersion: number }) {
  const t = useTranslations("merge");
  const errorText = useErrorText();
  const { state, errors, pending, form } = useKeptForm(mergeInitiativesAction, mergeInitiativesSchema);
  if (state.status === "success") return <FormStatus state={state} />;
  return (
    <ActionForm {...form} aria-label={t("submit")} className="space-y-4">
      <input type="hidden" name="duplicateSlug" value={props.duplicateSlug} />
      <input type="hidden" name="duplicateVersion" value={props.duplicateVersion} />
      <input type="hidden" name="keepSlug" value={props.keepSlug} />
      <input type="hidden" name="keepVersion" value={props.keepVersion} />
      <Field name="note" label={t("note")} errors={errors}>
        {(p) => <textarea {...p} rows={3} className={INPUT} />}
      </Field>
      <div data-form-status tabIndex={-1}>
        <FormStatus state={state} />
        {/* Refusals about a side (merged already, changes waiting) belong to no visible field: said here. */}
        {SIDES.some((side) => errors[side]) && (
          <ul className="mt-2 list-disc pl-5 text-sm font-medium text-red-800">
            {SIDES.flatMap((side) =>
              (errors[side] ?? []).map((code) => (
                <li key={side + code}>{`${t(side === "duplicateSlug" || side === "duplicateVersion" ? "duplicate" : "keep")}: ${errorText(code)}`}</li>
              )),
            )}
          </ul>
        )}
      </div>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { reviewChangeAction } from "@/app/actions/initiative-actions";
import { reviewChangeSchema } from "@/lib/initiatives/edit-schemas";
import { ActionForm, Field, FormStatus, INPUT, useValidatedForm } from "./form-kit";
import { Hidden } from "./shared-fields";

export function ReviewForm({ pendingId }: { pendingId: number }) {
  const t = useTranslations("editor");
  const { state, errors, pending, form } = useValidatedForm(reviewChangeAction, reviewChangeSchema);
  return (
    <ActionForm {...form} className="space-y-2">
      <Hidden fields={{ pendingId }} />
      <Field name="reviewNote" label={t("reviewNote")} errors={errors}>
        {(p) => <input {...p} className={INPUT} />}
      </Field>
      <FormStatus state={state} />
      <div className="flex gap-3">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white hover:bg-emerald-900"
        >
          {t("approve")}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900"
        >
          {t("reject")}
        </button>
      </div>
    </ActionForm>
  );
}

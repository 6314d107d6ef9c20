"use client";

import { useTranslations } from "next-intl";
import { markVerifiedAction } from "@/app/actions/initiative-actions";
import { markVerifiedSchema } from "@/lib/initiatives/edit-schemas";
import { ActionForm, FormStatus, SubmitButton, useValidatedForm } from "./form-kit";
import { Hidden, NoteField } from "./shared-fields";

export function VerifyForm({ slug, version, title, compact = false }: { slug: string; version: number; title?: string; compact?: boolean }) {
  const t = useTranslations("editor");
  const { state, errors, pending, form } = useValidatedForm(markVerifiedAction, markVerifiedSchema);
  return (
    <ActionForm {...form} aria-label={title ? t("verifyNamed", { title }) : t("verifyTitle")} className="space-y-3">
      <Hidden fields={{ slug, version }} />
      {!compact && <NoteField errors={errors} required={false} />}
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{title ? t("verifyNamed", { title }) : t("markVerified")}</SubmitButton>
    </ActionForm>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { signInAction } from "@/app/actions/auth-actions";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { ActionForm, Field, FormStatus, INPUT, SubmitButton, useValidatedForm } from "./form-kit";

export function SignInForm({ locale, next }: { locale: string; next: string | null }) {
  const t = useTranslations("auth");
  const { state, errors, pending, form } = useValidatedForm(signInAction, signInSchema);
  return (
    <ActionForm {...form} className="space-y-4" aria-labelledby="sign-in-title">
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field name="email" label={t("email")} errors={errors}>
        {(p) => <input {...p} type="email" autoComplete="username" className={INPUT} />}
      </Field>
      <Field name="password" label={t("password")} errors={errors}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className={INPUT} />}
      </Field>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("signIn")}</SubmitButton>
    </ActionForm>
  );
}

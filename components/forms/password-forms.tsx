"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { changePasswordAction, issuePasswordResetAction, resetPasswordAction } from "@/app/actions/account-actions";
import { ClientLink as Link } from "@/lib/i18n/client-link";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/users/user-schemas";
import { Field, FormStatus, INPUT, SubmitButton, useValidatedForm } from "./form-kit";
import { Hidden } from "./shared-fields";

function NewPasswordFields({ errors }: { errors: Record<string, string[]> }) {
  const t = useTranslations("auth");
  return (
    <>
      <Field name="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} errors={errors}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className={INPUT} />}
      </Field>
      <Field name="confirmPassword" label={t("confirmPassword")} errors={errors}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className={INPUT} />}
      </Field>
    </>
  );
}

/** The signed-in user's own password: the current one, then the new one twice. */
const noSubscription = () => () => {};

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const { state, errors, formAction, onSubmit, pending } = useValidatedForm(changePasswordAction, changePasswordSchema);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="change-password-title" className="max-w-md space-y-3">
      <h3 id="change-password-title" className="text-lg font-semibold">
        {t("accountTitle")}
      </h3>
      <p className="text-sm text-slate-700">{t("changePasswordIntro")}</p>
      <FormStatus state={state} />
      <Field name="currentPassword" label={t("currentPassword")} errors={errors}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className={INPUT} />}
      </Field>
      <NewPasswordFields errors={errors} />
      <SubmitButton pending={pending}>{t("changePassword")}</SubmitButton>
    </form>
  );
}

/** The page behind a reset link: the new password twice. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const { state, errors, formAction, onSubmit, pending } = useValidatedForm(resetPasswordAction, resetPasswordSchema);
  if (state.status === "success") {
    return (
      <div className="space-y-3">
        <FormStatus state={state} />
        <Link href="/sign-in" className="font-medium text-blue-800 underline">
          {t("goToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="reset-title" className="space-y-3">
      <Hidden fields={{ token }} />
      <FormStatus state={state} />
      <NewPasswordFields errors={errors} />
      <SubmitButton pending={pending}>{t("setPassword")}</SubmitButton>
    </form>
  );
}

/** An admin's button for one account; the link it makes is shown once, ready to copy. */
export function IssueResetForm({ userId, email }: { userId: number; email: string }) {
  const t = useTranslations("admin");
  const { state, formAction, pending } = useValidatedForm(issuePasswordResetAction);
  // The page's own origin, known only in the browser (the server renders the link once it is issued).
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const path = state.status === "success" ? String(state.messageValues?.path ?? "") : "";
  return (
    <form action={formAction} className="mt-2 space-y-1">
      <Hidden fields={{ userId }} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("issueResetFor", { email })}
        className="rounded border border-slate-400 px-2 py-1 text-sm font-medium hover:bg-slate-100"
      >
        {t("issueReset")}
      </button>
      <FormStatus state={state} />
      {path && (
        <label className="block text-sm">
          <span className="font-medium">{t("resetLinkLabel")}</span>
          <input readOnly value={`${origin}${path}`} onFocus={(event) => event.currentTarget.select()} className={`${INPUT} font-mono text-xs`} />
        </label>
      )}
    </form>
  );
}

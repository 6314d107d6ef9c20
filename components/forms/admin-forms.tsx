"use client";

import { useTranslations } from "next-intl";
import { changeRoleAction, createUserAction, setActiveAction, setReviewRequiredAction } from "@/app/actions/admin-actions";
import { USER_ROLES, type UserRole } from "@/lib/domain/vocabulary";
import { createUserSchema } from "@/lib/users/user-schemas";
import { ActionForm, Field, FormStatus, INPUT, SubmitButton, useValidatedForm } from "./form-kit";
import { Hidden } from "./shared-fields";

export function CreateUserForm() {
  const t = useTranslations("admin");
  const tRoles = useTranslations("userRole");
  const { state, errors, pending, form } = useValidatedForm(createUserAction, createUserSchema);
  return (
    <ActionForm {...form} aria-labelledby="create-user-title" className="space-y-4">
      <h2 id="create-user-title" className="text-xl font-semibold">
        {t("createTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="email" label={t("email")} errors={errors}>
          {(p) => <input {...p} type="email" autoComplete="off" className={INPUT} />}
        </Field>
        <Field name="displayName" label={t("displayName")} hint={t("displayNameHint")} errors={errors}>
          {(p) => <input {...p} className={INPUT} />}
        </Field>
        <Field name="role" label={t("role")} errors={errors} defaultValue="editor">
          {(p) => (
            <select {...p} className={INPUT}>
              {USER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="password" label={t("initialPassword")} hint={t("initialPasswordHint")} errors={errors}>
          {(p) => <input {...p} type="password" autoComplete="new-password" className={INPUT} />}
        </Field>
      </div>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
    </ActionForm>
  );
}

export function RoleForm({ userId, role, email }: { userId: number; role: UserRole; email: string }) {
  const t = useTranslations("admin");
  const tRoles = useTranslations("userRole");
  const { state, formAction, pending } = useValidatedForm(changeRoleAction);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <Hidden fields={{ userId }} />
      <select name="role" defaultValue={role} aria-label={t("roleOf", { email })} className="rounded border border-slate-400 bg-white px-2 py-1">
        {USER_ROLES.map((value) => (
          <option key={value} value={value}>
            {tRoles(value)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded border border-slate-400 px-2 py-1 text-sm font-medium hover:bg-slate-100">
        {t("changeRole")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function ActiveForm({ userId, active, email }: { userId: number; active: boolean; email: string }) {
  const t = useTranslations("admin");
  const { state, formAction, pending } = useValidatedForm(setActiveAction);
  return (
    <form action={formAction} className="space-y-1">
      <Hidden fields={{ userId, active: String(!active) }} />
      <button
        type="submit"
        disabled={pending}
        aria-label={active ? t("deactivateNamed", { email }) : t("activateNamed", { email })}
        className={`rounded border px-2 py-1 text-sm font-medium ${active ? "border-red-800 text-red-900 hover:bg-red-50" : "border-emerald-800 text-emerald-900 hover:bg-emerald-50"}`}
      >
        {active ? t("deactivate") : t("activate")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function ReviewSettingForm({ reviewRequired }: { reviewRequired: boolean }) {
  const t = useTranslations("admin");
  const { state, formAction, pending } = useValidatedForm(setReviewRequiredAction);
  return (
    <form action={formAction} className="space-y-3">
      <Hidden fields={{ reviewRequired: String(!reviewRequired) }} />
      <p>{reviewRequired ? t("reviewIsOn") : t("reviewIsOff")}</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{reviewRequired ? t("turnReviewOff") : t("turnReviewOn")}</SubmitButton>
    </form>
  );
}

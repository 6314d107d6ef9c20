"use client";

import { useTranslations } from "next-intl";
import { withMessages } from "@/components/with-messages";
import { resolveSuggestionAction, submitSuggestionAction } from "@/app/actions/suggestion-actions";
import { resolveSuggestionSchema, SUGGESTION_MAX, submitSuggestionSchema } from "@/lib/suggestions/suggestion-schemas";
import { ActionForm, Field, INPUT, SubmitButton } from "./form-kit";
import { useKeptForm } from "./kept-form";
import { SourceFormStatus } from "./add-source-form";

type SuggestFormProps = { subject: "initiative" | "source"; subjectKey: string; locale: string };

/**
 * "Suggest an update or a correction" on an initiative or a source page, folded away until opened
 * and open again with the answer (a form sent before hydration comes back on a fresh page). The
 * `website` field is a honeypot, hidden from people and from screen readers; bots that fill it
 * are answered as if sent.
 */
export function SuggestForm({ subject, subjectKey, locale }: SuggestFormProps) {
  const t = useTranslations("suggest");
  const { state, errors, pending, form } = useKeptForm(submitSuggestionAction, submitSuggestionSchema);
  return (
    <details open={state.status !== "idle" || undefined} className="rounded-lg border border-slate-200 bg-white p-5">
      <summary className="cursor-pointer text-lg font-semibold">{t("title")}</summary>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <ActionForm {...form} aria-label={t("title")} className="mt-3 space-y-4" data-testid="suggest-form">
        <input type="hidden" name="subject" value={subject} />
        <input type="hidden" name="subjectKey" value={subjectKey} />
        <input type="hidden" name="locale" value={locale} />
        <div aria-hidden="true" className="hidden">
          <label>
            Website
            <input name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>
        <Field name="text" label={t("text")} hint={t("textHint", { max: SUGGESTION_MAX })} errors={errors}>
          {(p) => <textarea {...p} rows={4} maxLength={SUGGESTION_MAX} className={INPUT} />}
        </Field>
        <Field name="url" label={t("url")} errors={errors}>
          {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" className={INPUT} />}
        </Field>
        <Field name="email" label={t("email")} hint={t("emailHint")} errors={errors}>
          {(p) => <input {...p} type="email" autoComplete="email" className={`${INPUT} max-w-sm`} />}
        </Field>
        <SourceFormStatus state={state} />
        <SubmitButton pending={pending}>{t("send")}</SubmitButton>
      </ActionForm>
    </details>
  );
}

/** The editor's answer to one suggestion in the queue. */
export function ResolveSuggestionForm({ suggestionId, label }: { suggestionId: number; label: string }) {
  const t = useTranslations("suggest");
  const { state, errors, pending, form } = useKeptForm(resolveSuggestionAction, resolveSuggestionSchema);
  return (
    <ActionForm {...form} aria-label={`${t("resolve")}: ${label}`} className="space-y-3">
      <input type="hidden" name="suggestionId" value={suggestionId} />
      <Field name="resolution" label={t("resolution")} hint={t("resolutionHint")} errors={errors}>
        {(p) => <textarea {...p} rows={2} className={INPUT} />}
      </Field>
      <SourceFormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="decision"
          value="accepted"
          disabled={pending}
          className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
        >
          {t("accept")}
        </button>
        <button
          type="submit"
          name="decision"
          value="declined"
          disabled={pending}
          className="rounded border border-slate-500 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
        >
          {t("decline")}
        </button>
      </div>
    </ActionForm>
  );
}

/** SuggestForm with its strings, as its deferred wrapper loads it. */
export const SuggestFormWithMessages = withMessages(SuggestForm);

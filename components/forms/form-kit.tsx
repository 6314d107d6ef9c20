"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  useTransition,
  type ComponentProps,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from "react";
import type { z } from "zod";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { formatDayInput } from "@/lib/dates";
import { fieldErrors, formDataToInput } from "@/lib/forms/form-data";
import { lookUp } from "@/lib/i18n/look-up";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A server action plus the same zod schema in the browser: errors show before sending,
 * and the server's answer (field errors, conflicts, success) replaces them after.
 *
 * The form is submitted through a transition rather than React's form action, which would reset
 * every field once the action returns: after a refused save everything typed stays, and focus
 * moves to the first field in error (or the message). Only a successful save clears the form.
 */
export function useValidatedForm(action: Action, schema?: z.ZodType) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // Errors found in the browser; cleared by the next submission that passes, whose answer then shows.
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement | null>(null);
  const [, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.current = event.currentTarget;
    // The submitter's name/value (e.g. approve vs reject) belongs to the submission too.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    const parsed = schema?.safeParse(formDataToInput(formData));
    if (parsed && !parsed.success) {
      setClientErrors(fieldErrors(parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setClientErrors(null);
    startTransition(() => formAction(formData));
  };
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  useEffect(() => {
    if (!attempt && state.status !== "error") return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [attempt, state]);
  const errors = clientErrors ?? state.fieldErrors ?? {};
  // The places of a repeated quote stay on offer while the editor fixes other fields.
  const shown: ActionState = clientErrors ? { status: "error", message: "fixFields", quoteOccurrences: state.quoteOccurrences } : state;
  // `form`: ActionForm's props, `<ActionForm {...form} …>`.
  return { state: shown, errors, formAction, onSubmit, pending, form: { action: formAction, onSubmit, values: state.values, noValidate: true } };
}

const NOTHING_KEPT: Record<string, string[]> = {};
const KeptValues = createContext(NOTHING_KEPT);

/** What a refused submission sent, field by field (ActionState.values), for the controls to show again. */
export function useKeptValues(): Record<string, string[]> {
  return useContext(KeptValues);
}

/** A controlled form's starting values: for each key of `initial`, what a refused submission sent, else `initial`'s. */
export function sentOr<T extends Record<string, string>>(values: Record<string, string[]> | undefined, initial: T): T {
  const start: Record<string, string> = { ...initial };
  for (const key of Object.keys(initial)) start[key] = values?.[key]?.[0] ?? initial[key]!;
  return start as T;
}

/**
 * What a person typed or chose in controlled fields before the page's script ran. Hydration keeps
 * the DOM's value but fires no change event, so the state would keep its first value: a radio shows
 * one choice while the form renders the other's fields, and the next render puts typed text back.
 * Read once, as the component hydrates; `adopt` maps a field's name to its state's setter.
 */
export function useValuesSetBeforeHydration(root: RefObject<HTMLElement | null>, adopt: Record<string, (value: string) => void>) {
  const setters = useRef(adopt);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    for (const [name, set] of Object.entries(setters.current)) {
      const fields = element.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
      const field = [...fields].find((f) => !(f instanceof HTMLInputElement && (f.type === "radio" || f.type === "checkbox")) || f.checked);
      if (field) set(field.value);
    }
  }, [root]);
}

/**
 * Every form posts to its server action (`action`), so it also works before the page's JavaScript
 * has loaded: the browser POSTs it, the page comes back rendered with the answer and, after a
 * refusal, with what was typed (`values`, read by Field and useKeptValues). Once hydrated,
 * `onSubmit` prevents that post, checks in the browser and sends the form itself.
 */
export function ActionForm({ values, children, ...props }: ComponentProps<"form"> & { values?: Record<string, string[]> }) {
  return (
    <form {...props}>
      <KeptValues value={values ?? NOTHING_KEPT}>{children}</KeptValues>
    </form>
  );
}

export const INPUT =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

type ControlProps = { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string; defaultValue?: string };

/**
 * A day, typed the way the locale writes it (31.12.2026 in Russian, 2026-12-31 in English); a
 * text box, because Chromium's date box turns "31.12.2026" typed into it into year 22026.
 */
export function DateInput({ defaultValue, ...props }: ControlProps) {
  const locale = useLocale();
  const t = useTranslations("editor");
  return (
    <input
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t("datePlaceholder")}
      defaultValue={formatDayInput(defaultValue, locale)}
      className={INPUT}
    />
  );
}

/**
 * A labelled control with its hint and errors wired up for screen readers. Its value starts as
 * what a refused submission sent (ActionForm's `values`), else `defaultValue`.
 */
export function Field({
  name,
  label,
  errors,
  hint,
  defaultValue,
  controlled = false,
  children,
}: {
  name: string;
  label: string;
  errors: Record<string, string[]>;
  hint?: string;
  defaultValue?: string | null;
  /** The control has a `value` of its own (its form starts its state with sentOr): no defaultValue. */
  controlled?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const errorText = useErrorText();
  const id = useId();
  const kept = useKeptValues()[name]?.[0];
  const messages = errors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, messages.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = controlled ? undefined : (kept ?? defaultValue ?? undefined);
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children({ id, name, "aria-invalid": messages.length > 0, "aria-describedby": describedBy, ...(value !== undefined ? { defaultValue: value } : {}) })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {messages.map((key) => errorText(key)).join(" ")}
        </p>
      )}
    </div>
  );
}

/** The form's outcome: success, a refusal, or the conflicting change that blocked the save. */
export function FormStatus({ state }: { state: ActionState }) {
  const t = useTranslations("actions");
  const tErrors = useTranslations("errors");
  const tStatus = useTranslations("status");
  const tStage = useTranslations("stage");
  const tHistory = useTranslations("history");
  if (state.status === "idle" || !state.message) return null;
  const text = lookUp(t, state.message, state.messageValues) ?? lookUp(tErrors, state.message) ?? t("unexpected", { requestId: "—" });
  const success = state.status === "success";
  return (
    <div
      role={success ? "status" : "alert"}
      tabIndex={-1}
      className={`rounded border p-3 ${success ? "border-emerald-700 bg-emerald-50 text-emerald-950" : "border-red-700 bg-red-50 text-red-950"}`}
    >
      <p className="font-medium">{text}</p>
      {state.conflict && (
        <>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {state.conflict.entries.map((entry) => (
              <li key={entry.version}>
                {tHistory("conflictEntry", {
                  version: entry.version,
                  author: entry.authorName ?? "—",
                  when: new Date(entry.recordedAt).toISOString().slice(0, 16).replace("T", " "),
                })}
                {entry.toStatus && entry.fromStatus !== entry.toStatus && (
                  <>
                    {" "}
                    · {entry.fromStatus ? `${tStatus(entry.fromStatus)} → ` : ""}
                    {tStatus(entry.toStatus)}
                  </>
                )}
                {entry.toStage && entry.fromStage !== entry.toStage && (
                  <>
                    {" "}
                    · {entry.fromStage ? tStage(entry.fromStage) : "—"} → {tStage(entry.toStage)}
                  </>
                )}
                {/* Their values, so the editor can compare them with what is still typed in the form. */}
                {entry.changes.length > 0 && (
                  <ul className="mt-1 list-none space-y-0.5 break-words">
                    {entry.changes.map((change, index) => (
                      <li key={index}>
                        {lookUp(tHistory, `fields.${change.field}`) ?? change.field}: {change.from ?? "—"} → {change.to ?? "—"}
                      </li>
                    ))}
                  </ul>
                )}
                {entry.note && <> · «{entry.note}»</>}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">{t("conflictReload")}</p>
        </>
      )}
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:opacity-60"
    >
      {children}
    </button>
  );
}

/** The text of a field's error code from the server or the form's schema; "invalid"'s for a code it does not know. */
export function useErrorText(): (code: string) => string {
  const t = useTranslations("errors");
  return (code) => lookUp(t, code) ?? t("invalid");
}

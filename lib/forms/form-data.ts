import type { z } from "zod";

/**
 * FormData → plain object for the schemas: repeated `themes` become an array and
 * `role.KZ` / `stage.KZ` pairs become the `countries` list.
 */
export function formDataToInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const countries = new Map<string, { code: string; role?: unknown; stage?: unknown }>();
  const themes: string[] = [];
  const removeAttendees: string[] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const country = /^(role|stage)\.([A-Z]{2})$/.exec(key);
    if (country) {
      const field = country[1] as "role" | "stage";
      const code = country[2]!;
      const row = countries.get(code) ?? { code };
      row[field] = value;
      countries.set(code, row);
    } else if (key === "themes") {
      themes.push(value);
    } else if (key === "removeAttendees") {
      removeAttendees.push(value);
    } else {
      input[key] = value;
    }
  }
  if (countries.size) input.countries = [...countries.values()];
  // The details form always sends `themesPresent`, so unticking every theme is an error, not "no change".
  if (themes.length || formData.has("themesPresent")) input.themes = themes;
  if (removeAttendees.length) input.removeAttendees = removeAttendees;
  return input;
}

/** zod issues → { field: [message key, …] } for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "form";
    const message = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    (errors[field] ??= []).push(message);
  }
  return errors;
}

/** What a refused form sent, to show again (ActionState.values): its text fields, never a password or a file. */
export function sentValues(formData: FormData): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [key, value] of formData.entries()) {
    // No form has a field named __proto__; assigning one would replace the object's prototype.
    if (typeof value !== "string" || key.startsWith("$ACTION") || key === "__proto__" || /password/i.test(key)) continue;
    if (Object.hasOwn(values, key)) values[key]!.push(value);
    else values[key] = [value];
  }
  return values;
}

/** An action's answer, with what was sent when it is a refusal. */
export function keepSent<T extends { status: string }>(formData: FormData, answer: T): T & { values?: Record<string, string[]> } {
  return answer.status === "error" ? { ...answer, values: sentValues(formData) } : answer;
}

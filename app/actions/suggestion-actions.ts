"use server";

import "server-only";
import { runMutation, runPublicMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { resolveSuggestion } from "@/lib/suggestions/resolve-suggestion";
import { submitSuggestion } from "@/lib/suggestions/submit-suggestion";
import { resolveSuggestionSchema, submitSuggestionSchema } from "@/lib/suggestions/suggestion-schemas";

// A few per client address an hour and a day: enough for a reader with several corrections.
const SUGGEST_LIMITS = {
  perClient: { limit: 5, windowMs: 60 * 60 * 1000 },
  perInput: () => [],
};

/** A visitor's "suggest an update or a correction" (no account). */
export async function submitSuggestionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runPublicMutation({
    name: "submitSuggestion",
    formData,
    schema: submitSuggestionSchema,
    limits: SUGGEST_LIMITS,
    run: async (input) => {
      await submitSuggestion(prisma, input);
      return { message: "suggestionReceived" };
    },
  });
}

/** An editor closes a suggestion: accepted (what was done) or declined (why). */
export async function resolveSuggestionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "suggestion:review",
    schema: resolveSuggestionSchema,
    run: async (input, user) => {
      const { tags } = await resolveSuggestion(prisma, user, input);
      return { message: input.decision === "accepted" ? "suggestionAccepted" : "suggestionDeclined", tags };
    },
  });
}

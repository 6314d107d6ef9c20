"use server";

import "server-only";
import { runMutation, runPublicMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { after } from "next/server";
import { mailEnabled } from "@/lib/alerts/mailer";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { sendSuggestionOutcomes } from "@/lib/suggestions/send-outcomes";
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

/**
 * An editor closes a suggestion: accepted (linked to the change made from it) or dismissed (why).
 * A sender who left an e-mail is told once the answer is sent, so the editor never waits for the mail server.
 */
export async function resolveSuggestionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "suggestion:review",
    schema: resolveSuggestionSchema,
    run: async (input, user) => {
      const { tags, mailOutcome } = await resolveSuggestion(prisma, user, input);
      if (mailOutcome && mailEnabled()) after(() => sendSuggestionOutcomes(prisma).catch((error) => log("error", "suggestion_outcome_failed", { error })));
      return { message: input.decision === "accepted" ? "suggestionAccepted" : "suggestionDeclined", tags };
    },
  });
}

"use server";

import "server-only";
import type { z } from "zod";
import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { changeStatus } from "@/lib/initiatives/change-status";
import {
  changeStatusSchema,
  editCountriesSchema,
  editDetailsSchema,
  markVerifiedSchema,
  reviewChangeSchema,
  updateMetricSchema,
} from "@/lib/initiatives/edit-schemas";
import { saveChange, type ProposedChange } from "@/lib/initiatives/propose-change";
import { reviewChange } from "@/lib/initiatives/review-change";
import { isReviewRequired } from "@/lib/settings/settings";

/** The answer to an applied edit: its new version for the message, its tags for the cache. */
function saved(message: string, { version, tags }: { version: number; tags: string[] }) {
  return { message, messageValues: { version }, tags };
}

/**
 * One kind of edit from its form: applied at once, or stored for review when review is on and the
 * author is an editor.
 */
function editMutation<K extends ProposedChange["kind"]>(
  formData: FormData,
  kind: K,
  schema: z.ZodType<Extract<ProposedChange, { kind: K }>["input"]>,
  message: string,
): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema,
    run: async (input, user) => {
      // The schema belongs to this kind, so the pair is that kind's change (TypeScript cannot correlate them).
      const change = { kind, input } as ProposedChange;
      const result = await saveChange(prisma, user, change, { reviewRequired: await isReviewRequired(prisma) });
      return result.outcome === "pending" ? { message: "changePending", tags: result.tags } : saved(message, result);
    },
  });
}

export async function changeStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: changeStatusSchema,
    run: async (input, user) => {
      const result = await changeStatus(prisma, user, input, { reviewRequired: await isReviewRequired(prisma) });
      return result.outcome === "pending"
        ? { message: "statusPending", tags: result.tags }
        : { message: "saved", messageValues: { version: result.version }, tags: result.tags };
    },
  });
}

export async function editDetailsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return editMutation(formData, "details", editDetailsSchema, "saved");
}

export async function editCountriesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return editMutation(formData, "countries", editCountriesSchema, "saved");
}

export async function updateMetricAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return editMutation(formData, "metric", updateMetricSchema, "saved");
}

export async function markVerifiedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return editMutation(formData, "verification", markVerifiedSchema, "verified");
}

export async function reviewChangeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "history:review",
    schema: reviewChangeSchema,
    run: async (input, user) => {
      const { outcome, tags } = await reviewChange(prisma, user, input);
      return { message: outcome, tags };
    },
  });
}

"use server";

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
import type { SessionUser } from "@/lib/auth/sessions";
import { isReviewRequired } from "@/lib/settings/settings";

/** The answer to an applied edit: its new version for the message, its tags for the cache. */
function saved(message: string, { version, tags }: { version: number; tags: string[] }) {
  return { message, messageValues: { version }, tags };
}

/** Applies the change, or stores it for review when review is on and the author is an editor. */
async function applyOrPropose(user: SessionUser, change: ProposedChange, message: string) {
  const result = await saveChange(prisma, user, change, { reviewRequired: await isReviewRequired(prisma) });
  return result.outcome === "pending" ? { message: "changePending", tags: result.tags } : saved(message, result);
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
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: editDetailsSchema,
    run: async (input, user) => applyOrPropose(user, { kind: "details", input }, "saved"),
  });
}

export async function editCountriesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: editCountriesSchema,
    run: async (input, user) => applyOrPropose(user, { kind: "countries", input }, "saved"),
  });
}

export async function updateMetricAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: updateMetricSchema,
    run: async (input, user) => applyOrPropose(user, { kind: "metric", input }, "saved"),
  });
}

export async function markVerifiedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: markVerifiedSchema,
    run: async (input, user) => applyOrPropose(user, { kind: "verification", input }, "verified"),
  });
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

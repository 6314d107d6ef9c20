"use server";

import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { changeStatus } from "@/lib/initiatives/change-status";
import { editCountries } from "@/lib/initiatives/edit-countries";
import { editDetails } from "@/lib/initiatives/edit-details";
import {
  changeStatusSchema,
  editCountriesSchema,
  editDetailsSchema,
  markVerifiedSchema,
  reviewChangeSchema,
  updateMetricSchema,
} from "@/lib/initiatives/edit-schemas";
import { markVerified } from "@/lib/initiatives/mark-verified";
import { reviewChange } from "@/lib/initiatives/review-change";
import { updateMetric } from "@/lib/initiatives/update-metric";
import { isReviewRequired } from "@/lib/settings/settings";

/** The answer to an applied edit: its new version for the message, its tags for the cache. */
function saved(message: string, { version, tags }: { version: number; tags: string[] }) {
  return { message, messageValues: { version }, tags };
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
    run: async (input, user) => saved("saved", await editDetails(prisma, user, input)),
  });
}

export async function editCountriesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: editCountriesSchema,
    run: async (input, user) => saved("saved", await editCountries(prisma, user, input)),
  });
}

export async function updateMetricAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: updateMetricSchema,
    run: async (input, user) => saved("saved", await updateMetric(prisma, user, input)),
  });
}

export async function markVerifiedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:edit",
    schema: markVerifiedSchema,
    run: async (input, user) => saved("verified", await markVerified(prisma, user, input)),
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

"use server";

import "server-only";
import { z } from "zod";
import { runMutation } from "@/lib/actions/run-mutation";
import type { ActionState } from "@/lib/actions/action-state";
import { prisma } from "@/lib/db/prisma";
import { mergeInitiatives } from "@/lib/initiatives/merge-initiatives";
import { mergeInitiativesSchema } from "@/lib/initiatives/merge-schema";
import { setReviewRequired } from "@/lib/settings/settings";
import { changeUserRole, createUser, setUserActive } from "@/lib/users/manage-users";
import { changeRoleSchema, createUserSchema, setActiveSchema } from "@/lib/users/user-schemas";

export async function createUserAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "users:manage",
    schema: createUserSchema,
    run: async (input) => ({ message: "userCreated", messageValues: { email: (await createUser(prisma, input)).email } }),
  });
}

export async function changeRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "users:manage",
    schema: changeRoleSchema,
    run: async (input, user) => ({ message: "roleChanged", messageValues: { email: (await changeUserRole(prisma, user.id, input.userId, input.role)).email } }),
  });
}

export async function setActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "users:manage",
    schema: setActiveSchema,
    run: async (input, user) => {
      const updated = await setUserActive(prisma, user.id, input.userId, input.active);
      return { message: updated.active ? "userActivated" : "userDeactivated", messageValues: { email: updated.email } };
    },
  });
}

const reviewSettingSchema = z.object({ reviewRequired: z.enum(["true", "false"]).transform((value) => value === "true") });

export async function setReviewRequiredAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "settings:manage",
    schema: reviewSettingSchema,
    run: async (input) => {
      await setReviewRequired(prisma, input.reviewRequired);
      return { message: input.reviewRequired ? "reviewOn" : "reviewOff" };
    },
  });
}

export async function mergeInitiativesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "initiative:merge",
    schema: mergeInitiativesSchema,
    run: async (input, user) => {
      const merged = await mergeInitiatives(prisma, user, input);
      return { message: "initiativesMerged", messageValues: { duplicate: input.duplicateSlug, keep: merged.keepSlug }, tags: merged.tags };
    },
  });
}

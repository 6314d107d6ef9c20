"use server";

import "server-only";
import { cookies } from "next/headers";
import type { ActionState } from "@/lib/actions/action-state";
import { failedWrite, runMutation } from "@/lib/actions/run-mutation";
import { clientKey } from "@/lib/auth/current-user";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/prisma";
import { fieldErrors, formDataToInput } from "@/lib/forms/form-data";
import { changePassword } from "@/lib/users/change-password";
import { UserError } from "@/lib/users/manage-users";
import { issuePasswordReset, resetPassword } from "@/lib/users/password-reset";
import { changePasswordSchema, issueResetSchema, resetPasswordSchema } from "@/lib/users/user-schemas";

/** Every signed-in user changes their own password; their other browsers are signed out. */
export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "account:manage",
    schema: changePasswordSchema,
    run: async (input, user) => {
      const { endedSessions } = await changePassword(prisma, user.id, input, (await cookies()).get(SESSION_COOKIE)?.value);
      return { message: "passwordChanged", messageValues: { sessions: endedSessions }, tags: [] };
    },
  });
}

/** An admin issues a one-time link; the answer carries its path, shown once. */
export async function issuePasswordResetAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runMutation({
    formData,
    permission: "users:manage",
    schema: issueResetSchema,
    run: async (input, user) => {
      const { token, email } = await issuePasswordReset(prisma, user.id, input.userId);
      return { message: "resetIssued", messageValues: { email, path: `/reset-password/${token}` }, tags: [] };
    },
  });
}

/** No session: the link is the credential (256 random bits); tries are still limited per client. */
export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const limit = await consumeRateLimit(prisma, `password-reset:client:${await clientKey()}`, { limit: 20, windowMs: 15 * 60_000 });
    if (!limit.allowed) return { status: "error", message: "tooManyTries", messageValues: { seconds: limit.retryAfterSeconds } };
    const parsed = resetPasswordSchema.safeParse(formDataToInput(formData));
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      // The token is no field the person can fix: a malformed one is the same dead link.
      if (errors.token) return { status: "error", message: "resetLinkInvalid" };
      return { status: "error", message: "fixFields", fieldErrors: errors };
    }
    const { email } = await resetPassword(prisma, parsed.data);
    return { status: "success", message: "passwordReset", messageValues: { email } };
  } catch (error) {
    if (error instanceof UserError) return { status: "error", message: error.code };
    return failedWrite(error, { action: "reset-password" });
  }
}

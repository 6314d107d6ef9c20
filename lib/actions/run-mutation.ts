import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { requireUserWithPermission } from "../auth/current-user";
import { expireData } from "../cache/cached";
import { consumeRateLimit } from "../auth/rate-limit";
import { getEnv } from "../env";
import { log } from "../log";
import { AuthError, type Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/sessions";
import { prisma } from "../db/prisma";
import { fieldErrors, formDataToInput } from "../forms/form-data";
import { ConflictError, EditError } from "../initiatives/edit-errors";
import { entriesSince } from "../history/entries-since";
import { IntakeError } from "../sources/intake-error";
import { UserError } from "../users/manage-users";
import type { ActionState } from "./action-state";

interface Mutation<S extends z.ZodType> {
  formData: FormData;
  permission: Permission;
  schema: S;
  run: (input: z.infer<S>, user: SessionUser) => Promise<{ message: string; messageValues?: Record<string, string | number>; preview?: ActionState["preview"] }>;
  /** FormData → the schema's input, when the form sends more than text fields (files). */
  toInput?: (formData: FormData) => Record<string, unknown>;
  /** False for an action that only reads (a preview): nothing to expire. */
  writes?: boolean;
}

/**
 * The one path for every write: check the permission (inside the action, whatever the
 * page showed), validate with the form's own schema, run the domain function (which
 * owns its transaction), then refresh the pages that show the data. Known refusals
 * become messages; nothing is written unless the domain function commits.
 */
export async function runMutation<S extends z.ZodType>({ formData, permission, schema, run, toInput = formDataToInput, writes = true }: Mutation<S>): Promise<ActionState> {
  let user: SessionUser;
  try {
    user = await requireUserWithPermission(permission);
  } catch (error) {
    if (error instanceof AuthError) return { status: "error", message: error.status === 401 ? "signInRequired" : "forbidden" };
    throw error;
  }
  const limit = await consumeRateLimit(prisma, `mutation:user:${user.id}`, { limit: getEnv().MUTATION_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });
  if (!limit.allowed) return { status: "error", message: "tooManyChanges", messageValues: { seconds: limit.retryAfterSeconds } };
  const input = toInput(formData);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: "error", message: "fixFields", fieldErrors: fieldErrors(parsed.error) };
  try {
    const result = await run(parsed.data, user);
    if (writes) {
      expireData();
      revalidatePath("/", "layout");
    }
    return { status: "success", message: result.message, messageValues: result.messageValues, ...(result.preview ? { preview: result.preview } : {}) };
  } catch (error) {
    if (error instanceof ConflictError) {
      const slug = typeof input.slug === "string" ? input.slug : "";
      return {
        status: "error",
        message: "conflict",
        conflict: { currentVersion: error.currentVersion, entries: await entriesSince(prisma, slug, error.expectedVersion) },
      };
    }
    if (error instanceof IntakeError) {
      return { status: "error", message: error.code, messageValues: error.values, fieldErrors: error.field ? { [error.field]: [error.code] } : undefined };
    }
    if (error instanceof EditError || error instanceof UserError) {
      const field = error.field && error.field !== "form" ? error.field : undefined;
      return { status: "error", message: error.code, fieldErrors: field ? { [field]: [error.code] } : undefined };
    }
    // Anything else is our fault: the transaction rolled back; the user gets a reference, the log the details.
    const requestId = (await headers()).get("x-request-id") ?? "unknown";
    log("error", "mutation_failed", { requestId, permission, userId: user.id, error });
    return { status: "error", message: "unexpected", messageValues: { requestId } };
  }
}

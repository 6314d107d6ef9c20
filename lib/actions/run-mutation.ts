import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { after } from "next/server";
import { AlertError } from "../alerts/alert-error";
import { deliverAlerts } from "../alerts/deliver-alerts";
import { mailEnabled } from "../alerts/mailer";
import { clientKey, requireUserWithPermission } from "../auth/current-user";
import { expireData } from "../cache/cached";
import { TAG } from "../cache/tags";
import { consumeRateLimit, type RateLimitRule } from "../auth/rate-limit";
import { getEnv } from "../env";
import { recordSpan } from "../http/server-timing";
import { log } from "../log";
import { frontRefreshEnabled, refreshFront } from "../security/front-refresh";
import { AuthError, type Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/sessions";
import { databaseFailure } from "../db/database-failure";
import { prisma } from "../db/prisma";
import { fieldErrors, formDataToInput, keepSent } from "../forms/form-data";
import { DomainError } from "../errors/domain-error";
import { ConflictError, EditError } from "../initiatives/edit-errors";
import { entriesSince } from "../history/entries-since";
import type { ActionState } from "./action-state";

interface Mutation<S extends z.ZodType> {
  formData: FormData;
  permission: Permission;
  schema: S;
  /** `tags`: the cache tags the write changed (lib/cache/tags.ts); absent means "maybe anything". */
  run: (
    input: z.infer<S>,
    user: SessionUser,
  ) => Promise<{
    message: string;
    messageValues?: Record<string, string | number>;
    preview?: ActionState["preview"];
    importReport?: ActionState["importReport"];
    /** A refusal that comes with a report to show (a bulk import's rows): an error, nothing written. */
    refused?: boolean;
    tags?: readonly string[];
  }>;
  /** FormData → the schema's input, when the form sends more than text fields (files). */
  toInput?: (formData: FormData) => Record<string, unknown>;
  /** False for an action that only reads (a preview): nothing to expire. */
  writes?: boolean;
}

/**
 * The one path for every write: check the permission (inside the action, whatever the
 * page showed), validate with the form's own schema, run the domain function (which
 * owns its transaction), then expire the cache tags it says it changed (updateTag also tells
 * the browser's router to drop its copies). Known refusals
 * become messages; nothing is written unless the domain function commits.
 */
export async function runMutation<S extends z.ZodType>(mutation: Mutation<S>): Promise<ActionState> {
  const started = performance.now();
  try {
    return keepSent(mutation.formData, await mutate(mutation));
  } finally {
    recordSpan("action", performance.now() - started);
  }
}

async function mutate<S extends z.ZodType>({ formData, permission, schema, run, toInput = formDataToInput, writes = true }: Mutation<S>): Promise<ActionState> {
  let user: SessionUser | undefined;
  const input = toInput(formData);
  // Everything inside: a busy or read-only database (also at the rate limit's write) becomes a message with the request id.
  try {
    const authStarted = performance.now();
    try {
      user = await requireUserWithPermission(permission);
    } catch (error) {
      if (error instanceof AuthError) return { status: "error", message: error.status === 401 ? "signInRequired" : "forbidden" };
      throw error;
    }
    const limit = await consumeRateLimit(prisma, `mutation:user:${user.id}`, { limit: getEnv().MUTATION_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });
    recordSpan("auth", performance.now() - authStarted);
    if (!limit.allowed) return { status: "error", message: "tooManyChanges", messageValues: { seconds: limit.retryAfterSeconds } };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { status: "error", message: "fixFields", fieldErrors: fieldErrors(parsed.error) };
    const writeStarted = performance.now();
    const result = await run(parsed.data, user);
    recordSpan("write", performance.now() - writeStarted);
    // No revalidatePath: every cached read carries the layout's implicit tag, so it would expire all.
    if (writes && !result.refused) {
      // A mutation that states no tags expires everything.
      const expired = result.tags ?? [TAG.all];
      expireData(expired);
      // After the answer: the editor never waits for the front, and the expiry above has been applied.
      if (frontRefreshEnabled()) after(() => refreshFront(expired));
    }
    // Alerts for this change go out after the answer, so an editor never waits for a mail server.
    if (writes && !result.refused && mailEnabled())
      after(() => deliverAlerts(prisma, { frequencies: ["immediate"] }).catch((error) => log("error", "alert_delivery_failed", { error })));
    return {
      status: result.refused ? "error" : "success",
      message: result.message,
      messageValues: result.messageValues,
      ...(result.preview ? { preview: result.preview } : {}),
      ...(result.importReport ? { importReport: result.importReport } : {}),
    };
  } catch (error) {
    if (error instanceof ConflictError) {
      const slug = typeof input.slug === "string" ? input.slug : "";
      return {
        status: "error",
        message: "conflict",
        conflict: { currentVersion: error.currentVersion, entries: await entriesSince(prisma, slug, error.expectedVersion) },
      };
    }
    if (error instanceof DomainError) {
      const field = error.field && error.field !== "form" ? error.field : undefined;
      // A refusal about one field is shown once, next to it; the top says "correct the fields". One
      // that names something (values: the existing source, a size) is said at the top, where they show.
      const occurrences = error instanceof EditError && error.occurrences ? { quoteOccurrences: error.occurrences } : {};
      if (field && !error.values) return { status: "error", message: "fixFields", fieldErrors: { [field]: [error.code] }, ...occurrences };
      return { status: "error", message: error.code, messageValues: error.values, fieldErrors: field ? { [field]: [error.code] } : undefined };
    }
    return failedWrite(error, { permission, userId: user?.id });
  }
}

/**
 * A write that failed for a reason the person cannot fix: the transaction rolled back; they get a
 * plain reason (busy, storage unavailable) or "unexpected", always with this request's id; the log
 * gets the details under the same id.
 */
export async function failedWrite(error: unknown, context: Record<string, unknown>): Promise<ActionState> {
  const requestId = (await headers()).get("x-request-id") ?? "unknown";
  const failure = databaseFailure(error);
  log(failure ? "warn" : "error", failure ? `write_${failure}` : "mutation_failed", { requestId, ...context, error });
  const message = failure === "busy" ? "databaseBusy" : failure === "unavailable" ? "databaseUnavailable" : "unexpected";
  return { status: "error", message, messageValues: { requestId } };
}

interface PublicMutation<S extends z.ZodType> {
  /** Names the rate-limit counters. */
  name: string;
  formData: FormData;
  schema: S;
  /** Per client address; `perInput` adds counters keyed by the input (e.g. the e-mail address). */
  limits: { perClient: RateLimitRule; perInput?: (input: z.infer<S>) => { key: string; rule: RateLimitRule }[] };
  run: (input: z.infer<S>) => Promise<{ message: string; messageValues?: Record<string, string | number> }>;
}

/**
 * The same path for the few writes visitors make without an account (e-mail alerts): no
 * permission, so rate limits by client address and by input stand in for it. These writes
 * change no public page, so no cache is expired; the form shows the outcome in place.
 */
export async function runPublicMutation<S extends z.ZodType>(mutation: PublicMutation<S>): Promise<ActionState> {
  return keepSent(mutation.formData, await mutatePublic(mutation));
}

async function mutatePublic<S extends z.ZodType>({ name, formData, schema, limits, run }: PublicMutation<S>): Promise<ActionState> {
  const client = await consumeRateLimit(prisma, `public:${name}:client:${await clientKey()}`, limits.perClient);
  if (!client.allowed) return { status: "error", message: "tooManyRequests", messageValues: { seconds: client.retryAfterSeconds } };
  const parsed = schema.safeParse(formDataToInput(formData));
  if (!parsed.success) return { status: "error", message: "fixFields", fieldErrors: fieldErrors(parsed.error) };
  for (const { key, rule } of limits.perInput?.(parsed.data) ?? []) {
    const limit = await consumeRateLimit(prisma, `public:${name}:${key}`, rule);
    if (!limit.allowed) return { status: "error", message: "tooManyRequests", messageValues: { seconds: limit.retryAfterSeconds } };
  }
  try {
    const result = await run(parsed.data);
    return { status: "success", message: result.message, messageValues: result.messageValues };
  } catch (error) {
    if (error instanceof DomainError) {
      if (error instanceof AlertError && error.code === "mailFailed") log("error", "alert_mail_failed", { name, error: error.cause });
      // IntakeError (suggestions) and AlertError alike: the code at the top, beside its field if it has one.
      return { status: "error", message: error.code, messageValues: error.values, fieldErrors: error.field ? { [error.field]: [error.code] } : undefined };
    }
    const requestId = (await headers()).get("x-request-id") ?? "unknown";
    log("error", "public_mutation_failed", { requestId, name, error });
    return { status: "error", message: "unexpected", messageValues: { requestId } };
  }
}

"use server";

import "server-only";
import type { ActionState } from "@/lib/actions/action-state";
import { runPublicMutation } from "@/lib/actions/run-mutation";
import { changeAlertFrequencySchema, confirmAlertSchema, subscribeAlertSchema, unsubscribeAlertSchema } from "@/lib/alerts/alert-schemas";
import { changeAlertFrequency } from "@/lib/alerts/change-alert-frequency";
import { confirmAlert } from "@/lib/alerts/confirm-alert";
import { subscribeAlert } from "@/lib/alerts/subscribe-alert";
import { unsubscribeAlert } from "@/lib/alerts/unsubscribe-alert";
import { prisma } from "@/lib/db/prisma";

const HOUR = 60 * 60 * 1000;
// Confirmation mails go to addresses nobody has verified yet: few per address, few per client.
const SUBSCRIBE_LIMITS = {
  perClient: { limit: 20, windowMs: HOUR },
  perInput: (input: { email: string }) => [{ key: `email:${input.email}`, rule: { limit: 5, windowMs: HOUR } }],
};
const TOKEN_LIMITS = { perClient: { limit: 60, windowMs: HOUR } };

export async function subscribeAlertAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runPublicMutation({
    name: "subscribeAlert",
    formData,
    schema: subscribeAlertSchema,
    limits: SUBSCRIBE_LIMITS,
    run: async (input) => {
      await subscribeAlert(prisma, input);
      return { message: "confirmationSent", messageValues: { email: input.email } };
    },
  });
}

export async function confirmAlertAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runPublicMutation({
    name: "confirmAlert",
    formData,
    schema: confirmAlertSchema,
    limits: TOKEN_LIMITS,
    run: async ({ token }) => {
      await confirmAlert(prisma, token);
      return { message: "confirmed" };
    },
  });
}

export async function changeAlertFrequencyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runPublicMutation({
    name: "changeAlertFrequency",
    formData,
    schema: changeAlertFrequencySchema,
    limits: TOKEN_LIMITS,
    run: async ({ token, frequency }) => {
      await changeAlertFrequency(prisma, token, frequency);
      return { message: "frequencySaved" };
    },
  });
}

export async function unsubscribeAlertAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runPublicMutation({
    name: "unsubscribeAlert",
    formData,
    schema: unsubscribeAlertSchema,
    limits: TOKEN_LIMITS,
    run: async ({ token }) => {
      await unsubscribeAlert(prisma, token);
      return { message: "unsubscribed" };
    },
  });
}

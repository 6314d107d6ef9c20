import { z } from "zod";
import { emailSchema } from "../forms/email-schema";
import { alertFrequencySchema, alertTargetSchema } from "../domain/vocabulary";
import { routing } from "../i18n/routing";

/**
 * The schemas behind the alert forms, shared by the browser and the server actions.
 * Error messages are keys of the `errors` namespace in lib/i18n/messages.
 */

export const subscribeAlertSchema = z.object({
  email: emailSchema,
  target: alertTargetSchema,
  targetKey: z.string().trim().min(1).max(200),
  frequency: alertFrequencySchema.catch("immediate"),
  locale: z.enum(routing.locales).catch(routing.defaultLocale),
});

/** 32 random bytes, base64url: the capability every alert link carries. */
export const alertTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const confirmAlertSchema = z.object({ token: alertTokenSchema });

export const changeAlertFrequencySchema = z.object({ token: alertTokenSchema, frequency: alertFrequencySchema });

export const unsubscribeAlertSchema = z.object({ token: alertTokenSchema });

export type SubscribeAlertInput = z.infer<typeof subscribeAlertSchema>;

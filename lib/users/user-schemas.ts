import "../forms/zod-config";
import { z } from "zod";
import { recordIdSchema } from "../domain/record-id";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../auth/password-rules";
import { userRoleSchema } from "../domain/vocabulary";
import { cleanText } from "../forms/clean-text";
import { emailSchema } from "../forms/email-schema";

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "tooLong" })
  // No U+0000: scrypt's HMAC pads short keys with zero bytes, so trailing NULs would not count (see lib/auth/sign-in.ts).
  .refine((password) => !password.includes("\u0000"), { error: "invalid" });

export const createUserSchema = z.object({
  email: emailSchema,
  displayName: z.string().overwrite(cleanText).trim().min(1, { error: "required" }).max(100, { error: "tooLong" }),
  role: userRoleSchema,
  password: passwordSchema,
});

export const userIdSchema = recordIdSchema;

export const changeRoleSchema = z.object({ userId: userIdSchema, role: userRoleSchema });
export const setActiveSchema = z.object({ userId: userIdSchema, active: z.enum(["true", "false"]).transform((v) => v === "true") });

/** The new password twice, so a typo does not lock the person out. */
const newPasswordFields = {
  newPassword: passwordSchema,
  confirmPassword: z.string().max(PASSWORD_MAX_LENGTH, { error: "tooLong" }),
};
const samePassword = (value: { newPassword: string; confirmPassword: string }, ctx: z.RefinementCtx) => {
  if (value.newPassword !== value.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordsDiffer" });
};

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, { error: "required" }).max(PASSWORD_MAX_LENGTH, { error: "tooLong" }), ...newPasswordFields })
  .superRefine(samePassword);

/** The link's token is 32 random bytes in base64url (43 characters). */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "resetLinkInvalid" });

export const resetPasswordSchema = z.object({ token: resetTokenSchema, ...newPasswordFields }).superRefine(samePassword);

export const issueResetSchema = z.object({ userId: userIdSchema });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;

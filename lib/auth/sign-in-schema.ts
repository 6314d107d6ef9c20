import "../forms/zod-config";
import { z } from "zod";
import { emailSchema } from "../forms/email-schema";
import { PASSWORD_MAX_LENGTH } from "./password-rules";

// Apart from lib/auth/sign-in.ts, which the browser must not bundle (node:crypto, the database).
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, { error: "required" })
    .max(PASSWORD_MAX_LENGTH, { error: "tooLong" })
    // scrypt's HMAC pads short keys with zero bytes, so "secret\0" would verify as "secret"; no password holds U+0000.
    .refine((password) => !password.includes("\u0000"), { error: "invalid" }),
});

export type SignInInput = z.infer<typeof signInSchema>;

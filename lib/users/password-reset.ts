import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import { deleteUserSessions } from "../auth/sessions";
import { UserError } from "./manage-users";
import type { ResetPasswordInput } from "./user-schemas";

/** How long an issued link works. */
export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000;

const resetId = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * An admin issues a one-time link for an account (their own included): the token is returned once,
 * for the admin to hand over; only its hash is stored. A new link voids the account's earlier ones.
 */
export async function issuePasswordReset(
  prisma: PrismaClient,
  adminId: number,
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; email: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new UserError("notFound");
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await tx.passwordReset.create({ data: { id: resetId(token), userId, issuedById: adminId, expiresAt } });
    return { token, expiresAt, email: user.email };
  });
}

/** Whether a link can still be used, for the page that shows its form (and whose account it is). */
export async function findPasswordReset(prisma: PrismaClient, token: string, now = new Date()): Promise<{ email: string } | null> {
  const reset = await prisma.passwordReset.findUnique({
    where: { id: resetId(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now || !reset.user.active) return null;
  return { email: reset.user.email };
}

/**
 * Sets a new password through a link: once, before it expires, for an active account. Every session
 * of the account ends, so whoever had it is signed out; the person then signs in with the new one.
 */
export async function resetPassword(prisma: PrismaClient, input: ResetPasswordInput, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    // Claiming the link is the first write, so two uses at once cannot both succeed.
    const claimed = await tx.passwordReset.updateMany({
      where: { id: resetId(input.token), usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new UserError("resetLinkInvalid");
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { id: resetId(input.token) }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    await deleteUserSessions(tx, userId);
    return { email: user.email };
  });
}

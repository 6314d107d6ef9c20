import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import { deleteUserSessions } from "../auth/sessions";
import type { UserRole } from "../domain/vocabulary";
import { DomainError } from "../errors/domain-error";
import type { CreateUserInput } from "./user-schemas";

export class UserError extends DomainError<
  "emailTaken" | "notFound" | "ownAccount" | "wrongPassword" | "samePassword" | "resetLinkInvalid" | "tooManyPasswordTries"
> {}

export interface UserSummary {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  createdAt: Date;
}

const SUMMARY = { id: true, email: true, displayName: true, role: true, active: true, createdAt: true } as const;

export async function createUser(prisma: PrismaClient, input: CreateUserInput): Promise<UserSummary> {
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new UserError("emailTaken", "email");
  const passwordHash = await hashPassword(input.password);
  return prisma.user.create({
    data: { email: input.email, displayName: input.displayName, role: input.role, passwordHash },
    select: SUMMARY,
  });
}

export async function listUsers(prisma: PrismaClient): Promise<UserSummary[]> {
  return prisma.user.findMany({ select: SUMMARY, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

/** Admins cannot demote or deactivate themselves, so the tracker always keeps an admin who signed in. */
function refuseOwnAccount(actorId: number, userId: number) {
  if (actorId === userId) throw new UserError("ownAccount");
}

export async function changeUserRole(prisma: PrismaClient, actorId: number, userId: number, role: UserRole): Promise<UserSummary> {
  refuseOwnAccount(actorId, userId);
  const found = await prisma.user.updateMany({ where: { id: userId }, data: { role } });
  if (found.count === 0) throw new UserError("notFound");
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: SUMMARY });
}

/** Deactivating ends every session of the account at once, in the same transaction. */
export async function setUserActive(prisma: PrismaClient, actorId: number, userId: number, active: boolean): Promise<UserSummary> {
  refuseOwnAccount(actorId, userId);
  return prisma.$transaction(async (tx) => {
    const found = await tx.user.updateMany({ where: { id: userId }, data: { active } });
    if (found.count === 0) throw new UserError("notFound");
    if (!active) await deleteUserSessions(tx, userId);
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: SUMMARY });
  });
}

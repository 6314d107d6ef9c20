import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { SessionUser } from "../../lib/auth/sessions";
import { createUser } from "../../lib/users/manage-users";
import type { UserRole } from "../../lib/domain/vocabulary";

let counter = 0;

export const TEST_PASSWORD = "correct horse battery staple";

/** A user of its own for each test; `active: false` makes a deactivated one. */
export async function makeUser(prisma: PrismaClient, role: UserRole, options: { active?: boolean; name?: string } = {}): Promise<SessionUser> {
  const n = ++counter;
  const user = await createUser(prisma, {
    email: `${role}-${n}-${process.pid}@example.test`,
    displayName: options.name ?? `Test ${role} ${n}`,
    role,
    password: TEST_PASSWORD,
  });
  if (options.active === false) await prisma.user.update({ where: { id: user.id }, data: { active: false } });
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

import "server-only";
import type { Db } from "../db/types";

const REVIEW_REQUIRED = "reviewRequired";

/** Whether editors' status changes wait for a second person. Off unless an admin turns it on. */
export async function isReviewRequired(prisma: Db): Promise<boolean> {
  const setting = await prisma.setting.findUnique({ where: { key: REVIEW_REQUIRED }, select: { value: true } });
  return setting?.value === "true";
}

export async function setReviewRequired(prisma: Db, required: boolean): Promise<void> {
  const value = String(required);
  await prisma.setting.upsert({ where: { key: REVIEW_REQUIRED }, create: { key: REVIEW_REQUIRED, value }, update: { value } });
}

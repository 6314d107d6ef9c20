import { z } from "zod";

/**
 * Ids are 32-bit integers on PostgreSQL (SQLite's are 64-bit): an id in a form or a URL above
 * this can name nothing, and is refused before it reaches the database.
 */
export const MAX_RECORD_ID = 2_147_483_647;

export const recordIdSchema = z.coerce.number().int().positive().max(MAX_RECORD_ID);

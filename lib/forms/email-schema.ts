import "./zod-config";
import { z } from "zod";

// Not cleaned: an address with a control character in it is refused, not silently changed.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }));

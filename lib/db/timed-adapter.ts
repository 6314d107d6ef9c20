import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { recordQuery } from "../http/server-timing";

const TIMED = new Set(["queryRaw", "executeRaw", "executeScript"]);

/** Times every query on a connection or transaction; `startTransaction` hands out timed transactions too. */
function timed<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (TIMED.has(property as string)) {
        return async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          } finally {
            recordQuery(performance.now() - started);
          }
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => timed((await (value as (...a: unknown[]) => Promise<object>).apply(object, args)) as object);
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

/** The driver adapter with its query time added to the request's Server-Timing (lib/http/server-timing.ts). */
export function timedAdapter<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(object, property, receiver) {
      if (property === "connect") return async () => timed(await object.connect());
      const value = Reflect.get(object, property, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

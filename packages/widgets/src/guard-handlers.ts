import type { Logger } from './logger.ts';

/**
 * Wraps the SDK's handlers so that an error thrown by one is logged, never thrown into the
 * host page from an event listener.
 */
export function guardHandlers<T extends object>(handlers: T, logger: Logger): T {
  const guarded = {} as Record<string, unknown>;
  for (const [name, handler] of Object.entries(handlers)) {
    guarded[name] = (...args: unknown[]) => {
      try {
        return (handler as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        logger.error(`Failed to run the ${name} handler: ${String(error)}. Please fix the handler passed to the widgets.`, error);
      }
    };
  }
  return guarded as T;
}

/** The one place the SDK writes to the console: every line starts with `[cairn]`. */
export interface Logger {
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

/**
 * Creates the SDK's logger.
 *
 * @param sink - where lines go; the console unless a test passes a spy
 */
export const createLogger = (sink: Pick<Console, 'warn' | 'error'> = console): Logger => ({
  warn: (message) => sink.warn('[cairn] ' + message),
  error: (message, cause) => (cause === undefined ? sink.error('[cairn] ' + message) : sink.error('[cairn] ' + message, cause)),
});

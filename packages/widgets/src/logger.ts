/** The one place the widgets write to the console: every line starts with `[cairn]`. */
export interface Logger {
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

/**
 * Creates the widgets' logger. The SDK may pass its own logger instead (same shape).
 *
 * @param sink - where lines go; the console unless a test passes a spy
 */
export const createLogger = (sink: Pick<Console, 'warn' | 'error'> = console): Logger => ({
  warn: (message) => sink.warn('[cairn] ' + message),
  error: (message, cause) => sink.error('[cairn] ' + message, cause),
});

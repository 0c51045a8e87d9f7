/** The dashboard's one logger; every line carries the `[cairn]` prefix. */
export interface Logger {
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/**
 * Creates a logger writing to `sink` (the console by default; tests pass a spy).
 * @example createLogger().warn('Failed to read the session: storage is blocked. Please allow site data.')
 */
export function createLogger(sink: Pick<Console, 'warn' | 'error'> = console): Logger {
  return {
    warn: (message, ...details) => sink.warn(`[cairn] ${message}`, ...details),
    error: (message, ...details) => sink.error(`[cairn] ${message}`, ...details),
  };
}

/** Shared instance for code with nothing to inject. */
export const logger: Logger = createLogger();

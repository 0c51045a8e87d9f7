/** The collector's one logger: every line carries the `[cairn]` prefix. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Writes to stdout/stderr with the `[cairn]` prefix. */
export function createLogger(): Logger {
  return {
    info: (message) => console.log(`[cairn] ${message}`),
    warn: (message) => console.warn(`[cairn] ${message}`),
    error: (message) => console.error(`[cairn] ${message}`),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

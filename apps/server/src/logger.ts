import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino); pretty-printed on a terminal unless LOG_PRETTY=false. */
export function createLogger(level: string, pretty?: boolean): Logger {
  const usePretty = pretty ?? Boolean(process.stdout.isTTY);
  return pino({
    level,
    base: { app: 'grid-console' },
    ...(usePretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  });
}

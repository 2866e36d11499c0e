import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../../config/app-config.js';
import { currentRequestId } from '../http/request-context.js';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
/** Nest's start-up chatter (one line per module and route) is for debugging, not for every start. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * The application's logger: one JSON object per line in production (time, level, context,
 * request id, message and fields), readable text in development. Writes to stdout/stderr directly.
 */
export class AppLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    level: LogLevel,
    private readonly format: 'json' | 'text',
    private readonly sink: (line: string, isError: boolean) => void = (line, isError) =>
      (isError ? process.stderr : process.stdout).write(line),
  ) {
    this.threshold = ORDER.indexOf(level);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  isEnabled(level: LogLevel): boolean {
    return ORDER.indexOf(level) <= this.threshold;
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.isEnabled(level)) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (level === 'log' && context !== undefined && CHATTY_CONTEXTS.has(context) && !this.isEnabled('debug'))
      return;
    const stack = typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
    const fields =
      typeof message === 'object' && message !== null
        ? (message as Record<string, unknown>)
        : { msg: String(message) };
    const requestId = currentRequestId();
    const isError = level === 'error' || level === 'fatal';
    if (this.format === 'json') {
      this.sink(
        `${JSON.stringify({ time: new Date().toISOString(), level, context, ...(requestId ? { requestId } : {}), ...fields, ...(stack ? { stack } : {}) })}\n`,
        isError,
      );
      return;
    }
    const { msg, ...extra } = fields;
    const tail = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    this.sink(
      `${new Date().toISOString()} ${level.toUpperCase().padEnd(7)} [${context ?? 'app'}]${requestId ? ` (${requestId})` : ''} ${String(msg ?? '')}${tail}\n${stack ? `${stack}\n` : ''}`,
      isError,
    );
  }
}

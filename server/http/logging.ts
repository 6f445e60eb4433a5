/**
 * What the server logs (pino JSON): one line per request with its method, URL, status, time
 * and the client's address, and a line per server fault. Never a request body (it holds
 * enrolment codes, tokens, CNICs, phone numbers), never the authorization header, never a
 * password. Fields that could carry one are redacted by name as well, in case a later log
 * call passes a whole object; and a fault's message and stack are scrubbed of quoted values,
 * long numbers and token-like strings (a PostgreSQL error quotes the value it refused:
 * `invalid input syntax for type uuid: "35202-1234567-1"`).
 */
import type { FastifyServerOptions } from 'fastify';

/** Where log lines go (tests pass a collector; the default is stdout). */
export interface LogDestination {
  write(line: string): void;
}

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'body',
  'password',
  '*.password',
  'token',
  '*.token',
];

export function loggerOptions(destination?: LogDestination): NonNullable<FastifyServerOptions['logger']> {
  return {
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(destination ? { stream: destination } : {}),
  };
}

/** A quoted SQL identifier (a table, column or constraint name) stays readable. */
const IDENTIFIER = /^[a-z_][a-z0-9_$]{0,62}$/;

/**
 * Text of an error for the log with the values it may quote taken out: quoted strings
 * (except plain identifiers), runs of 7 or more digits (CNICs, phone numbers, card numbers,
 * with their dashes and spaces) and token-like runs of 20 or more letters, digits, `-` and
 * `_` that mix letters and digits (device tokens, enrolment codes, ids).
 */
export function scrubLogText(text: string): string {
  return text
    .replace(/"([^"\n]*)"|'([^'\n]*)'/g, (quoted, double: string | undefined, single: string | undefined) => {
      const inner = double ?? single ?? '';
      return IDENTIFIER.test(inner) ? quoted : quoted[0] === '"' ? '"[value]"' : "'[value]'";
    })
    .replace(/[A-Za-z0-9_-]{20,}/g, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) ? '[secret]' : run))
    .replace(/\+?\d[\d -]*\d/g, (run) => (run.replace(/\D/g, '').length >= 7 ? '[number]' : run));
}

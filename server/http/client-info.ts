/**
 * Every request says which protocol, schema and app version the client runs: in the body
 * (`client`) for POSTs, in headers for GETs. A client older than MIN_SYNC_PROTOCOL gets 426
 * 'upgrade-required' before anything else of its request is looked at, since an old client's
 * body may not even match today's schemas.
 */
import { CLIENT_HEADERS, ClientInfo, MIN_SYNC_PROTOCOL } from '../../shared/sync/protocol.js';
import { unstorableText } from '../store/storable-text.js';
import { ApiError } from './errors.js';

function requireSupportedProtocol(protocol: unknown): void {
  if (typeof protocol === 'number' && Number.isInteger(protocol) && protocol < MIN_SYNC_PROTOCOL) {
    throw new ApiError(
      426,
      'upgrade-required',
      `This server needs sync protocol ${MIN_SYNC_PROTOCOL} or newer; update the app (your changes are kept)`,
    );
  }
}

/** Looks at `body.client.protocol` (if any) before the body is validated as a whole. */
export function requireSupportedBodyProtocol(body: unknown): void {
  const client = (body as { client?: unknown } | null)?.client;
  if (typeof client === 'object' && client !== null && Object.hasOwn(client, 'protocol')) {
    requireSupportedProtocol((client as { protocol: unknown }).protocol);
  }
}

/** Reads the three client headers; a missing or malformed one is a 400 naming the header. */
export function clientInfoFromHeaders(headers: Record<string, string | string[] | undefined>): ClientInfo {
  const wholeNumber = (name: string): number => {
    const value = headers[name];
    if (typeof value !== 'string' || !/^\d{1,9}$/.test(value))
      throw new ApiError(400, 'invalid', `${name}: required, a whole number`);
    return Number(value);
  };
  const protocol = wholeNumber(CLIENT_HEADERS.protocol);
  requireSupportedProtocol(protocol);
  const client = {
    protocol,
    schemaVersion: wholeNumber(CLIENT_HEADERS.schemaVersion),
    appVersion: headers[CLIENT_HEADERS.appVersion],
  };
  const result = ClientInfo.safeParse(client);
  if (!result.success) {
    const field = result.error.issues[0]!.path[0] as keyof typeof CLIENT_HEADERS;
    throw new ApiError(400, 'invalid', `${CLIENT_HEADERS[field] ?? 'headers'}: ${result.error.issues[0]!.message}`);
  }
  return checkClientText(result.data, CLIENT_HEADERS.appVersion);
}

/** The app version is stored on the device record: it must be text PostgreSQL can hold. */
export function checkClientText(client: ClientInfo, field = 'client.appVersion'): ClientInfo {
  const problem = unstorableText(client.appVersion);
  if (problem) throw new ApiError(400, 'invalid', `${field}: ${problem}`);
  return client;
}

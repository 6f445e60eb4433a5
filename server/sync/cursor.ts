/**
 * Positions in the op log's commit order, `(txid, seq)`, as opaque URL-safe strings. The
 * parts are decimal text throughout: xid8 and bigint do not fit a JS number.
 */
export interface LogPosition {
  txid: string;
  seq: string;
}

/** Before the first op. */
export const LOG_START: LogPosition = { txid: '0', seq: '0' };

const PREFIX = 'p1.';
const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

export function encodeCursor(position: LogPosition): string {
  return Buffer.from(`${PREFIX}${position.txid}.${position.seq}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null if it is not one this server handed out. */
export function decodeCursor(cursor: string): LogPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^p1\.(\d{1,20})\.(\d{1,19})$/.exec(text);
  if (!match) return null;
  const [, txid, seq] = match as unknown as [string, string, string];
  if (BigInt(txid) > MAX_XID8 || BigInt(seq) > MAX_BIGINT) return null;
  return { txid: BigInt(txid).toString(), seq: BigInt(seq).toString() };
}

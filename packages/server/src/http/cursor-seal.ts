import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ApiError } from '../errors/api-error.ts';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the store's page cursors (which hold sort keys such as a patient's last name) with AES-256-GCM, bound to
 * the list and the clinic as associated data: what the client sees is opaque, a cursor from another list or clinic
 * fails to open, and a tampered one too. The key comes from `UNITWISE_CURSOR_KEY` (64 hex digits, so that cursors
 * survive restarts and work across processes), else a random key per process.
 */
export class CursorSeal {
  private readonly key: Buffer;

  /** @param keyHex - 32 bytes as hex; default UNITWISE_CURSOR_KEY or a random key */
  constructor(keyHex: string | undefined = process.env.UNITWISE_CURSOR_KEY) {
    this.key = keyHex && /^[0-9a-fA-F]{64}$/.test(keyHex) ? Buffer.from(keyHex, 'hex') : randomBytes(32);
  }

  /**
   * The opaque cursor for a store cursor.
   * @param inner - the store's cursor
   * @param list - the route id of the list
   * @param clinicId - the caller's clinic
   */
  seal(inner: string, list: string, clinicId: string): string {
    const iv = randomBytes(IV_BYTES);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(`${list}\n${clinicId}`));
    const body = Buffer.concat([c.update(inner, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
  }

  /**
   * The store cursor inside an opaque one; a 400 naming `query.cursor` when it is malformed, tampered with, or was
   * made for another list or clinic.
   * @param sealed - the cursor from the client
   * @param list - the route id of the list
   * @param clinicId - the caller's clinic
   */
  open(sealed: string, list: string, clinicId: string): string {
    const raw = /^[A-Za-z0-9_-]+$/.test(sealed) ? Buffer.from(sealed, 'base64url') : Buffer.alloc(0);
    if (raw.length > IV_BYTES + TAG_BYTES) {
      try {
        const d = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
        d.setAAD(Buffer.from(`${list}\n${clinicId}`));
        d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
      } catch {
        // Falls through to the 400: wrong list, wrong clinic, tampered or from an older key.
      }
    }
    throw new ApiError('invalid', 'The page cursor is not valid for this list; start again from the first page.', [
      { path: 'query.cursor', message: 'Not a cursor from this list. Use the `next` value of the previous page.' },
    ]);
  }
}

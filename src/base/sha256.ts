/** SHA-256 (FIPS 180-4) of a text's UTF-8 bytes or of bytes, as 64 hex digits: the key of a file's cached results. */
import { createHash } from 'node:crypto';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

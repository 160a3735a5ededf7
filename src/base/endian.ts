/**
 * Whether typed arrays hold their elements little-endian (the platform's byte order: x64 and arm64 are, s390x is
 * not): what reading a Float64Array's bytes as little-endian doubles (a Parquet PLAIN page) or a double's low 32-bit
 * word at the lower address needs.
 */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

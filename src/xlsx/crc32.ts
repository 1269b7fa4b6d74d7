/**
 * CRC-32 (ISO 3309, the zip format's checksum). node ≥ 20.15 has it natively as zlib.crc32;
 * package.json allows any node 20, so older ones get the classic table-driven version.
 */
import * as zlib from "zlib";

type Crc32 = (data: Uint8Array, value?: number) => number;

let table: Uint32Array | null = null;

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** The portable version, exported so that tests can hold it against the native one. */
export function crc32Table(data: Uint8Array, value = 0): number {
  const t = (table ??= makeTable());
  let c = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

/** CRC-32 of `data`, continuing from `value` (the CRC of the bytes before it). */
export const crc32: Crc32 = native ? (data, value = 0) => native(data, value) >>> 0 : crc32Table;

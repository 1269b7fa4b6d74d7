/**
 * A streaming zip writer (PKWARE APPNOTE 6.3, the container of every .xlsx: ECMA-376 Part 2,
 * Open Packaging Conventions), just what a workbook needs: deflated entries, UTF-8 names.
 *
 * A worksheet is deflated while it is produced (node's zlib on its thread pool, so compressing
 * runs beside the JavaScript that builds the XML) and its compressed bytes go straight to the
 * output; its CRC and sizes follow it in a data descriptor. Memory therefore stays at a few
 * buffers whatever the sheet's size. No zip64: a part or the file past 4 GiB stops the write
 * with a clear error (a full Excel sheet of plain numbers is about 2 GiB of XML).
 */
import { Writable } from "stream";
import * as zlib from "zlib";
import { crc32 } from "./crc32";

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20; // 2.0: deflate
const UTF8_NAMES = 0x0800;
const HAS_DESCRIPTOR = 0x0008;
const DEFLATE = 8;
// 1980-01-01 00:00, the zip epoch: the same inputs give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const LIMIT = 0xffffffff;

/** How much XML may wait for the compressor before the producer waits (bytes). */
const PENDING = 4 << 20;

interface Directory {
  readonly name: Buffer;
  readonly flags: number;
  readonly crc: number;
  readonly packed: number;
  readonly size: number;
  readonly offset: number;
}

function tooBig(what: string): Error {
  return new Error(`${what} is larger than 4 GiB, which an .xlsx without zip64 cannot hold`);
}

function localHeader(d: Omit<Directory, "offset">): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(d.flags, 6);
  h.writeUInt16LE(DEFLATE, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(d.crc, 14);
  h.writeUInt32LE(d.packed, 18);
  h.writeUInt32LE(d.size, 22);
  h.writeUInt16LE(d.name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, d.name]);
}

function centralHeader(d: Directory): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(VERSION, 6);
  h.writeUInt16LE(d.flags, 8);
  h.writeUInt16LE(DEFLATE, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(d.crc, 16);
  h.writeUInt32LE(d.packed, 20);
  h.writeUInt32LE(d.size, 24);
  h.writeUInt16LE(d.name.length, 28);
  h.writeUInt32LE(d.offset, 42);
  return Buffer.concat([h, d.name]);
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Directory[] = [];
  private readonly failed: Promise<never>;
  private open = false;

  /** `level`: zlib's deflate level (1 fastest … 9 smallest). */
  constructor(
    private readonly out: Writable,
    private readonly level: number,
  ) {
    this.failed = new Promise<never>((_resolve, reject) => {
      out.on("error", reject);
      out.on("close", () => reject(new Error("the output was closed before the workbook was complete")));
    });
    // Observed only through the races below; never an unhandled rejection on its own.
    this.failed.catch(() => undefined);
  }

  /** Waits for `p` unless the output fails first. */
  private guard<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.failed]);
  }

  private async put(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await this.guard(new Promise<void>((resolve) => this.out.once("drain", resolve)));
  }

  private checkOffset(): void {
    if (this.offset > LIMIT) throw tooBig("the workbook");
  }

  /** A small part, deflated whole: its sizes go in its local header. */
  async file(name: string, content: string | Buffer): Promise<void> {
    if (this.open) throw new Error("zip: a streamed entry is still open");
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = zlib.deflateRawSync(data, { level: this.level });
    const d = { name: Buffer.from(name, "utf8"), flags: UTF8_NAMES, crc: crc32(data), packed: packed.length, size: data.length, offset: this.offset };
    this.checkOffset();
    this.entries.push(d);
    await this.put(localHeader(d));
    await this.put(packed);
  }

  /** A large part, deflated as it is written; its sizes follow it in a data descriptor. */
  async stream(name: string): Promise<ZipEntryStream> {
    if (this.open) throw new Error("zip: a streamed entry is still open");
    this.checkOffset();
    const nameBuf = Buffer.from(name, "utf8");
    const offset = this.offset;
    await this.put(localHeader({ name: nameBuf, flags: UTF8_NAMES | HAS_DESCRIPTOR, crc: 0, packed: 0, size: 0 }));
    this.open = true;
    const deflate = zlib.createDeflateRaw({ level: this.level, writableHighWaterMark: PENDING } as zlib.ZlibOptions);
    let packed = 0;
    let waiting = false;
    deflate.on("data", (chunk: Buffer) => {
      packed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk) && !waiting) {
        waiting = true;
        deflate.pause();
        this.out.once("drain", () => {
          waiting = false;
          deflate.resume();
        });
      }
    });
    const ended = new Promise<void>((resolve, reject) => {
      deflate.once("end", resolve);
      deflate.once("error", reject);
    });
    ended.catch(() => undefined);
    let crc = 0;
    let size = 0;
    return {
      write: async (chunk: Buffer) => {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (size > LIMIT) throw tooBig(`the part ${name}`);
        if (!deflate.write(chunk)) await this.guard(Promise.race([ended, new Promise<void>((resolve) => deflate.once("drain", resolve))]));
      },
      end: async () => {
        deflate.end();
        await this.guard(ended);
        this.open = false;
        const d = { name: nameBuf, flags: UTF8_NAMES | HAS_DESCRIPTOR, crc, packed, size, offset };
        this.entries.push(d);
        const desc = Buffer.alloc(16);
        desc.writeUInt32LE(DESCRIPTOR, 0);
        desc.writeUInt32LE(crc, 4);
        desc.writeUInt32LE(packed, 8);
        desc.writeUInt32LE(size, 12);
        await this.put(desc);
      },
    };
  }

  /** Writes the central directory and ends the output. */
  async finish(): Promise<void> {
    if (this.open) throw new Error("zip: a streamed entry is still open");
    this.checkOffset();
    const start = this.offset;
    for (const d of this.entries) await this.put(centralHeader(d));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
    const done = new Promise<void>((resolve) => this.out.once("finish", resolve));
    this.out.end();
    await this.guard(done);
  }
}

export interface ZipEntryStream {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

import { createInflateRaw } from 'node:zlib';

/** One file of a ZIP archive as its central directory declares it. */
export type ZipEntry = { name: string; flags: number; method: number; compressedSize: number; size: number; localOffset: number };

/** Why an archive could not be read; the caller turns each into a Russian message. */
export type ZipProblem = 'not-zip' | 'broken' | 'too-many-entries' | 'encrypted' | 'unsupported' | 'size-mismatch';

export class ZipReadError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip: ${problem}`);
    this.name = 'ZipReadError';
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const CHUNK = 64 * 1024;

/**
 * The central directory of a ZIP archive (an XLSX is one), read from the buffer without inflating
 * anything: names, methods and the sizes the archive declares, so that a caller can refuse a
 * file by its declared uncompressed sizes before a single byte is inflated. Keys are lower-case
 * (OPC part names are case-insensitive). ZIP64 is refused: an import file is a few megabytes.
 */
export function readZipDirectory(zip: Buffer, maxEntries: number): Map<string, ZipEntry> {
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > end) throw new ZipReadError('broken');
  if (count > maxEntries) throw new ZipReadError('too-many-entries');
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipReadError('broken');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipReadError('broken');
    if (!entries.has(name.toLowerCase())) entries.set(name.toLowerCase(), entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The entry's content in chunks, inflated as it is consumed (zlib works off the event loop, and a
 * consumer that stops early — a row limit reached — stops the inflation). The output may never
 * exceed the size the directory declares: a header that lies about its size is a broken file,
 * not a licence to inflate without end.
 */
export async function* entryChunks(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw new ZipReadError('encrypted');
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipReadError('broken');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw new ZipReadError('broken');
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    if (data.length > entry.size) throw new ZipReadError('size-mismatch');
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    return;
  }
  if (entry.method !== DEFLATED) throw new ZipReadError('unsupported');
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.size) throw new ZipReadError('size-mismatch');
      yield chunk;
    }
  } catch (error) {
    throw error instanceof ZipReadError ? error : new ZipReadError('broken');
  } finally {
    inflater.destroy();
  }
}

function findEndOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipReadError('not-zip');
}

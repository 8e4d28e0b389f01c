import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

// Opens an import file as a stream of decoded text: plain CSV, or a ZIP archive (as EP-online
// publishes its totaalbestand) read entry by entry from the front, so neither the archive nor
// the CSV inside it is ever held in memory.

export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const FLAG_DATA_DESCRIPTOR = 0x08;
const FLAG_ENCRYPTED = 0x01;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

/** Pulls exact byte counts out of a chunked byte stream. */
class ByteReader {
  private buffered: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  /** At least `count` bytes are buffered unless the input ended first. */
  async fill(count: number): Promise<boolean> {
    while (this.buffered.length < count && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else this.buffered = Buffer.concat([this.buffered, next.value]);
    }
    return this.buffered.length >= count;
  }

  async take(count: number): Promise<Buffer> {
    if (!(await this.fill(count))) throw new ImportInputError(truncated());
    const head = this.buffered.subarray(0, count);
    this.buffered = this.buffered.subarray(count);
    return head;
  }

  /** Yields exactly `count` bytes (or everything left when count is undefined). */
  async *stream(count: number | undefined): AsyncGenerator<Buffer> {
    let left = count ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      if (this.buffered.length === 0) {
        if (this.done) break;
        const next = await this.source.next();
        if (next.done) {
          this.done = true;
          break;
        }
        this.buffered = next.value;
      }
      const part = this.buffered.subarray(0, Math.min(left, this.buffered.length));
      this.buffered = this.buffered.subarray(part.length);
      left -= part.length;
      yield part;
    }
    if (count !== undefined && left > 0) throw new ImportInputError(truncated());
  }
}

function truncated(): string {
  return 'Het ZIP-bestand is afgebroken (the ZIP file is truncated)';
}

/**
 * The bytes of the first .csv entry of a ZIP archive, inflated while reading. Supports stored
 * and deflated entries, with or without a data descriptor (sizes after the data).
 */
export async function* unzipFirstCsv(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    if (!(await reader.fill(4))) break;
    const signature = (await reader.take(4)).readUInt32LE(0);
    if (signature === CENTRAL_HEADER || signature === END_OF_CENTRAL_DIRECTORY) break;
    if (signature !== LOCAL_HEADER) {
      throw new ImportInputError('Geen geldig ZIP-bestand (not a valid ZIP file)');
    }
    const header = await reader.take(26);
    const flags = header.readUInt16LE(2);
    const method = header.readUInt16LE(4);
    const expectedCrc = header.readUInt32LE(10);
    const compressedSize = header.readUInt32LE(14);
    const name = (await reader.take(header.readUInt16LE(22))).toString('utf8');
    await reader.take(header.readUInt16LE(24));
    const hasDescriptor = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
    const isCsv = name.toLowerCase().endsWith('.csv');
    if (!isCsv) {
      if (hasDescriptor) {
        throw new ImportInputError(
          `ZIP-bestand: kan "${name}" niet overslaan om het CSV-bestand te vinden (cannot skip entry)`,
        );
      }
      for await (const skipped of reader.stream(compressedSize)) void skipped;
      continue;
    }
    if ((flags & FLAG_ENCRYPTED) !== 0) {
      throw new ImportInputError('Het ZIP-bestand is versleuteld (the ZIP file is encrypted)');
    }
    if (method === METHOD_STORED) {
      if (hasDescriptor) {
        throw new ImportInputError(
          'ZIP-bestand: ongecomprimeerd item zonder lengte wordt niet ondersteund (stored entry with data descriptor is not supported)',
        );
      }
      let crc = 0;
      for await (const chunk of reader.stream(compressedSize)) {
        crc = crc32(chunk, crc);
        yield chunk;
      }
      checkCrc(crc, expectedCrc);
      return;
    }
    if (method !== METHOD_DEFLATED) {
      throw new ImportInputError(
        `ZIP-bestand: compressiemethode ${method} wordt niet ondersteund (unsupported compression method)`,
      );
    }
    // With a data descriptor the compressed size is unknown: the deflate stream marks its own
    // end, and inflateRaw ignores what follows it.
    const inflate = createInflateRaw();
    const compressed = Readable.from(reader.stream(hasDescriptor ? undefined : compressedSize));
    compressed.on('error', (error) => inflate.destroy(error));
    compressed.pipe(inflate);
    let crc = 0;
    try {
      for await (const chunk of inflate) {
        crc = crc32(chunk as Buffer, crc);
        yield chunk as Buffer;
      }
    } catch (error) {
      if (error instanceof ImportInputError) throw error;
      throw new ImportInputError(
        `Het ZIP-bestand is beschadigd (the ZIP file is corrupt): ${(error as Error).message}`,
      );
    } finally {
      compressed.destroy();
    }
    // With a data descriptor the CRC comes after the data; the inflater's own checks remain.
    if (!hasDescriptor) checkCrc(crc, expectedCrc);
    return;
  }
  throw new ImportInputError('Het ZIP-bestand bevat geen CSV-bestand (the ZIP file holds no CSV)');
}

function checkCrc(actual: number, expected: number): void {
  if (actual !== expected) {
    throw new ImportInputError(
      'Het ZIP-bestand is beschadigd: de controlesom klopt niet (the ZIP file is corrupt: CRC mismatch)',
    );
  }
}

/** UTF-8 text chunks (BOM dropped); invalid byte sequences stop the import with a clear message. */
export async function* decodeUtf8(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of source) {
      yield decoder.decode(chunk, { stream: true });
      offset += chunk.length;
    }
    yield decoder.decode();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ImportInputError(
      `Het bestand is geen geldige UTF-8-tekst (ongeldige bytes na byte ${offset}); ` +
        `sla het op als UTF-8 (the file is not valid UTF-8, e.g. Windows-1252; save it as UTF-8)`,
    );
  }
}

/**
 * Raw bytes of the file, unzipped when it is a ZIP archive (recognised by its first bytes).
 * `onRead` hears how many bytes of the file itself (before unzipping) were read so far.
 */
export async function* openImportBytes(
  file: string,
  onRead?: (bytesRead: number) => void,
): AsyncGenerator<Buffer> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await iterator.next();
    if (first.done) return;
    let bytesRead = (first.value as Buffer).length;
    onRead?.(bytesRead);
    const rest: AsyncIterable<Buffer> = {
      async *[Symbol.asyncIterator]() {
        yield first.value;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          bytesRead += (next.value as Buffer).length;
          onRead?.(bytesRead);
          yield next.value;
        }
      },
    };
    const isZip = first.value.length >= 4 && first.value.readUInt32LE(0) === LOCAL_HEADER;
    yield* isZip ? unzipFirstCsv(rest) : rest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ImportInputError(`Bestand niet gevonden (file not found): ${file}`);
    }
    throw error;
  } finally {
    input.destroy();
  }
}

export function openImportText(
  file: string,
  onRead?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  return decodeUtf8(openImportBytes(file, onRead));
}

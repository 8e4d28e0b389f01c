// A real baseline JPEG made in Node without an image library: every 8x8 block has one colour,
// so only the DC coefficient is coded (AC is an immediate end-of-block). Any decoder reads it,
// which is what the report tests need: genuine JPEG bytes that pdf-lib embeds as they are and
// pdf.js parses back.

type Rgb = readonly [number, number, number];

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let bit = length - 1; bit >= 0; bit -= 1) {
      this.current = (this.current << 1) | ((value >> bit) & 1);
      this.count += 1;
      if (this.count === 8) this.flushByte();
    }
  }

  finish(): number[] {
    // Pad the last byte with 1-bits, as the standard asks.
    while (this.count !== 0) this.write(1, 1);
    return this.bytes;
  }

  private flushByte(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0x00); // byte stuffing
    this.current = 0;
    this.count = 0;
  }
}

function segment(marker: number, body: readonly number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

function category(value: number): number {
  let magnitude = Math.abs(value);
  let bits = 0;
  while (magnitude > 0) {
    bits += 1;
    magnitude >>= 1;
  }
  return bits;
}

const DC_QUANT = 8;

/**
 * A `width` x `height` JPEG (multiples of 8) whose block (bx, by) has colour `colorAt(bx, by)`.
 * `comment` lands in a COM segment, so otherwise equal images get different bytes (and hashes).
 */
export function blockJpeg(
  width: number,
  height: number,
  colorAt: (bx: number, by: number) => Rgb,
  comment = '',
): Uint8Array {
  if (width % 8 !== 0 || height % 8 !== 0)
    throw new Error('width and height must be multiples of 8');
  const quant = [DC_QUANT, ...new Array<number>(63).fill(1)];
  // DC: categories 0..11, all 4-bit codes. AC: end-of-block '0' and zero-run '10' only.
  const dcBits = new Array<number>(16).fill(0);
  dcBits[3] = 12;
  const dcValues = Array.from({ length: 12 }, (_, index) => index);
  const acBits = new Array<number>(16).fill(0);
  acBits[0] = 1;
  acBits[1] = 1;
  const header = [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(comment ? segment(0xfe, [...new TextEncoder().encode(comment)]) : []),
    ...segment(0xdb, [0x00, ...quant]),
    ...segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
      ...[1, 2, 3].flatMap((id) => [id, 0x11, 0]),
    ]),
    ...segment(0xc4, [0x00, ...dcBits, ...dcValues]),
    ...segment(0xc4, [0x10, ...acBits, 0x00, 0xf0]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
  ];
  const writer = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < height / 8; by += 1)
    for (let bx = 0; bx < width / 8; bx += 1) {
      const [r, g, b] = colorAt(bx, by);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ];
      ycc.forEach((value, component) => {
        // DC of a flat block is 8 x (value - 128); quantised by 8 that is value - 128.
        const dc = Math.round((8 * (value - 128)) / DC_QUANT);
        const diff = dc - previous[component]!;
        previous[component] = dc;
        const size = category(diff);
        writer.write(size, 4);
        if (size > 0) writer.write(diff >= 0 ? diff : diff + (1 << size) - 1, size);
        writer.write(0, 1); // end of block
      });
    }
  return new Uint8Array([...header, ...writer.finish(), 0xff, 0xd9]);
}

/** A small test photo: a colour gradient, distinct per `seed`. */
export function testJpeg(seed: number, width = 64, height = 48): Uint8Array {
  return blockJpeg(
    width,
    height,
    (bx, by) => [(40 * bx + 17 * seed) % 256, (50 * by + 91 * seed) % 256, (23 * seed) % 256],
    `schouw-test-${seed}`,
  );
}

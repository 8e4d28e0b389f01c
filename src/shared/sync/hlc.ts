// Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time when clocks agree and
// still orders causally when they do not. Tablets have wrong clocks, so every merge decision in
// Schouw compares HLC stamps, never raw Date.now() values.
//
// Encoded as a fixed-width string so that string order equals clock order:
//   "<15-digit wall ms>-<5-digit counter>-<node id>"

export interface HlcStamp {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

export const HLC_MAX_COUNTER = 99_999;
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const STAMP_PATTERN = /^(\d{15})-(\d{5})-([A-Za-z0-9_.:-]{1,64})$/;

export class ClockSkewError extends Error {
  constructor(
    readonly remoteWallMs: number,
    readonly localWallMs: number,
    readonly maxSkewMs: number,
  ) {
    super(
      `Klokafwijking te groot: tijdstempel ligt ${Math.round((remoteWallMs - localWallMs) / 1000)} s ` +
        `voor op de eigen klok (maximaal ${Math.round(maxSkewMs / 1000)} s toegestaan).`,
    );
    this.name = 'ClockSkewError';
  }
}

export function formatHlc(stamp: HlcStamp): string {
  return `${String(stamp.wallMs).padStart(WALL_DIGITS, '0')}-${String(stamp.counter).padStart(COUNTER_DIGITS, '0')}-${stamp.node}`;
}

export function parseHlc(text: string): HlcStamp {
  const match = STAMP_PATTERN.exec(text);
  if (!match) throw new RangeError(`Ongeldige HLC-tijdstempel: "${text}"`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] ?? '' };
}

export function isHlc(text: string): boolean {
  return STAMP_PATTERN.test(text);
}

/** Total order on encoded stamps; ties on wall time and counter are broken by node id. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A clock owned by one node (device or server). Not thread-safe by itself: one per sync loop/tab. */
export class HybridLogicalClock {
  private last: HlcStamp;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    initial?: string,
  ) {
    this.last = initial ? parseHlc(initial) : { wallMs: 0, counter: 0, node };
  }

  /** A stamp for a local event, strictly greater than every stamp this clock produced or saw. */
  tick(): string {
    const wall = this.now();
    const next =
      wall > this.last.wallMs
        ? { wallMs: wall, counter: 0, node: this.node }
        : this.bump(this.last.wallMs, this.last.counter + 1);
    this.last = next;
    return formatHlc(next);
  }

  /**
   * Fold a remote stamp in, so later local stamps sort after it. A stamp further ahead of the
   * local wall clock than maxSkewMs is refused: one tablet with a clock in 2031 must not win
   * every future merge.
   */
  receive(remote: string, maxSkewMs = Number.POSITIVE_INFINITY): string {
    const other = parseHlc(remote);
    const wall = this.now();
    if (other.wallMs - wall > maxSkewMs) throw new ClockSkewError(other.wallMs, wall, maxSkewMs);
    const maxWall = Math.max(wall, this.last.wallMs, other.wallMs);
    let counter = 0;
    if (maxWall === this.last.wallMs && maxWall === other.wallMs) {
      counter = Math.max(this.last.counter, other.counter) + 1;
    } else if (maxWall === this.last.wallMs) {
      counter = this.last.counter + 1;
    } else if (maxWall === other.wallMs) {
      counter = other.counter + 1;
    }
    this.last = this.bump(maxWall, counter);
    return formatHlc(this.last);
  }

  /** The latest stamp, to persist between sessions. */
  current(): string {
    return formatHlc(this.last);
  }

  private bump(wallMs: number, counter: number): HlcStamp {
    // A counter overflow moves logical time one millisecond ahead instead of wrapping.
    return counter > HLC_MAX_COUNTER
      ? { wallMs: wallMs + 1, counter: 0, node: this.node }
      : { wallMs, counter, node: this.node };
  }
}

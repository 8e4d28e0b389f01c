// Autosave for one field: every value the inspector enters is written, in order, and the state
// says "saved" only after the write's promise resolved. Values typed while a write runs wait;
// only the newest waiting value is written (older ones would be overwritten anyway). A failed
// write keeps its value so "try again" writes exactly what the inspector entered.

export type SaveQueueState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface SaveQueueStatus {
  state: SaveQueueState;
  error?: unknown;
}

export class SaveQueue<V> {
  private next: { value: V } | undefined;
  private failed: { value: V } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private writing: { value: V } | undefined;
  private status: SaveQueueStatus = { state: 'idle' };

  constructor(
    private readonly write: (value: V) => Promise<unknown>,
    private readonly onStatus: (status: SaveQueueStatus) => void = () => undefined,
    private readonly onWritten: (value: V) => void = () => undefined,
  ) {}

  get state(): SaveQueueState {
    return this.status.state;
  }

  /** True while something entered is not yet on disk (waiting, writing or failed). */
  get unsaved(): boolean {
    return (
      this.status.state === 'pending' ||
      this.status.state === 'saving' ||
      this.status.state === 'error'
    );
  }

  /** Queues a value; with a delay (typing) it waits that long for the next keystroke first. */
  schedule(value: V, delayMs = 0): void {
    this.next = { value };
    this.failed = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (delayMs > 0) {
      this.emit({ state: this.running ? 'saving' : 'pending' });
      this.timer = setTimeout(() => void this.flush(), delayMs);
    } else void this.flush();
  }

  /** Writes what waits now; resolves when everything queued so far was attempted. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.next) return this.running ?? Promise.resolve();
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Drops a value still waiting for a pause in typing (the field now holds invalid input: the
   * stored answer must stay, not be replaced by an earlier keystroke or an empty field).
   */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.next) return;
    this.next = undefined;
    if (!this.running) this.emit({ state: 'idle' });
  }

  /** What was entered and is not yet on disk (waiting, being written or failed), if anything. */
  unsavedValue(): { value: V } | undefined {
    return this.next ?? this.writing ?? this.failed;
  }

  /** Writes the value of the failed attempt again. */
  retry(): Promise<void> {
    if (!this.failed) return Promise.resolve();
    this.next = this.failed;
    this.failed = undefined;
    return this.flush();
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const { value } = this.next;
      this.next = undefined;
      this.emit({ state: 'saving' });
      this.writing = { value };
      try {
        await this.write(value);
        this.writing = undefined;
        this.onWritten(value);
      } catch (error) {
        this.writing = undefined;
        // A newer value replaces the failed one; otherwise keep it for retry.
        if (this.next) continue;
        this.failed = { value };
        this.emit({ state: 'error', error });
        return;
      }
    }
    this.emit({ state: this.timer !== undefined ? 'pending' : 'saved' });
  }

  private emit(status: SaveQueueStatus): void {
    this.status = status;
    this.onStatus(status);
  }
}

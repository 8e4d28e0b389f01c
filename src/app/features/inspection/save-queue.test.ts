import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveQueueState } from './save-queue.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('SaveQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says saved only after the write resolved', async () => {
    const write = deferred();
    const states: SaveQueueState[] = [];
    const queue = new SaveQueue<string>(
      () => write.promise,
      (status) => states.push(status.state),
    );
    queue.schedule('a');
    expect(queue.state).toBe('saving');
    await Promise.resolve();
    expect(states).not.toContain('saved');
    write.resolve();
    await queue.flush();
    expect(states).toEqual(['saving', 'saved']);
  });

  it('writes in order and skips values overtaken while a write was running', async () => {
    const first = deferred();
    const written: string[] = [];
    const queue = new SaveQueue<string>(async (value) => {
      written.push(value);
      if (value === 'a') await first.promise;
    });
    queue.schedule('a');
    queue.schedule('b');
    queue.schedule('c');
    first.resolve();
    await queue.flush();
    expect(written).toEqual(['a', 'c']);
    expect(queue.state).toBe('saved');
  });

  it('waits for a pause in typing before writing, and flush writes at once', async () => {
    const written: string[] = [];
    const queue = new SaveQueue<string>(async (value) => {
      written.push(value);
    });
    queue.schedule('1', 500);
    queue.schedule('12', 500);
    expect(queue.state).toBe('pending');
    expect(queue.unsaved).toBe(true);
    await vi.advanceTimersByTimeAsync(499);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual(['12']);
    queue.schedule('123', 500);
    await queue.flush();
    expect(written).toEqual(['12', '123']);
    expect(queue.unsaved).toBe(false);
  });

  it('keeps a failed value for retry and reports the error', async () => {
    let fail = true;
    const written: string[] = [];
    let lastError: unknown;
    const queue = new SaveQueue<string>(
      async (value) => {
        if (fail) throw new Error('disk full');
        written.push(value);
      },
      (status) => {
        lastError = status.error;
      },
    );
    queue.schedule('x');
    await queue.flush();
    expect(queue.state).toBe('error');
    expect(queue.unsaved).toBe(true);
    expect((lastError as Error).message).toBe('disk full');
    fail = false;
    await queue.retry();
    expect(written).toEqual(['x']);
    expect(queue.state).toBe('saved');
  });

  it('drops a failed value when a newer one replaces it', async () => {
    const written: string[] = [];
    const queue = new SaveQueue<string>(async (value) => {
      if (value === 'bad') throw new Error('refused');
      written.push(value);
    });
    queue.schedule('bad');
    await queue.flush();
    queue.schedule('good');
    await queue.flush();
    await queue.retry();
    expect(written).toEqual(['good']);
    expect(queue.state).toBe('saved');
  });

  it('cancel drops a value waiting for a pause in typing, so it is never written', async () => {
    const written: string[] = [];
    const queue = new SaveQueue<string>(async (value) => {
      written.push(value);
    });
    queue.schedule('', 600);
    expect(queue.unsavedValue()).toEqual({ value: '' });
    queue.cancel();
    expect(queue.unsavedValue()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    await queue.flush();
    expect(written).toEqual([]);
    expect(queue.state).toBe('idle');
  });

  it('reports the value it is writing as unsaved until the write resolved', async () => {
    const write = deferred();
    const done: string[] = [];
    const queue = new SaveQueue<string>(
      () => write.promise,
      () => undefined,
      (value) => done.push(value),
    );
    queue.schedule('a');
    expect(queue.unsavedValue()).toEqual({ value: 'a' });
    write.resolve();
    await queue.flush();
    expect(queue.unsavedValue()).toBeUndefined();
    expect(done).toEqual(['a']);
  });
});

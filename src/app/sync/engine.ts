// The sync loop of one device. A cycle pushes the outbox in seq order, uploads photo bytes the
// server lacks, pulls until nothing is left, and only then lets confirmed ops leave the outbox.
// Last it downloads the bytes of photos other devices took, verified against their hash.
// Callers never await it in a UI handler: they call requestSync() and read the status.
import {
  MAX_OPS_PER_PUSH,
  MAX_PHOTO_BYTES,
  PHOTO_CHUNK_BYTES,
  PROTOCOL_VERSION,
} from '../../shared/sync/protocol.ts';
import type { Op, PushResponse } from '../../shared/sync/protocol.ts';
import type { PendingPhotoUpload, SyncStore } from '../db/index.ts';
import { sha256Hex, type HashFunction } from '../platform/crypto.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { SyncTransportError, type SyncErrorKind, type SyncTransport } from './transport.ts';

/** Runs `task` only when no other tab of this origin holds the named lock. */
export interface SyncLock {
  runExclusive<T>(
    task: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }>;
}

export type SyncTrigger = 'manual' | 'online' | 'visible' | 'timer' | 'local-change' | 'retry';

export type SyncProblemKind = SyncErrorKind | 'unexpected';

export interface SyncProblem {
  kind: SyncProblemKind;
  /** The server's or the browser's own words, for the details line; the UI leads with Dutch. */
  detail: string;
}

/** An op the server refused for good; it left the queue, the user should know. */
export interface RejectedOp {
  entity: Op['entity'];
  id: string;
  reason: string;
  /** The device took the server's version of the record back (the refused values are gone). */
  reverted?: boolean;
}

export interface SyncStatus {
  /** True while a cycle runs in this tab. */
  running: boolean;
  step: 'push' | 'photos' | 'pull' | undefined;
  /** Photos handled in this cycle out of those waiting; undefined when none waited. */
  photos: { done: number; total: number } | undefined;
  /** Epoch ms of the last complete cycle (on this device, any tab). */
  lastSyncAt: number | undefined;
  /** Why the last cycle failed; cleared by a successful one. */
  problem: SyncProblem | undefined;
  /** Sync stopped until the user acts: sign in again, or update the app. */
  blocked: 'unauthenticated' | 'update-required' | undefined;
  /** When the next automatic retry runs after a failure (epoch ms). */
  nextRetryAt: number | undefined;
  /** Ops the server refused permanently in recent cycles. */
  rejected: readonly RejectedOp[];
  /** Photos the server refused (e.g. bytes do not match the hash); they stay on the device. */
  refusedPhotos: readonly string[];
  /** Photos whose downloaded bytes did not match their hash; never stored, retried next session. */
  corruptPhotos: readonly string[];
}

export type CycleResult = 'synced' | 'busy' | 'blocked' | 'failed';

export interface SyncEngineOptions {
  store: SyncStore;
  transport: SyncTransport;
  /** Cross-tab lock; without one, only this tab's own cycles are serialised. */
  lock?: SyncLock;
  now?: () => number;
  random?: () => number;
  backoff?: Partial<Omit<BackoffOptions, 'random'>>;
  /** Timer adapter (tests pass a fake); returns a cancel function. */
  setTimer?: (callback: () => void, ms: number) => () => void;
  /** Most changes asked per pull page. */
  pullLimit?: number;
  onNeedsSignIn?: () => void;
  onUpdateRequired?: () => void;
  /** SHA-256 of downloaded photo bytes (tests may pass Node's). */
  hash?: HashFunction;
  /** Most photos downloaded per cycle, so one cycle never holds the lock for long. */
  photoDownloadLimit?: number;
}

/** The status before any sync: nothing running, nothing known. A fresh object on every call. */
export function idleSyncStatus(): SyncStatus {
  return {
    running: false,
    step: undefined,
    photos: undefined,
    lastSyncAt: undefined,
    problem: undefined,
    blocked: undefined,
    nextRetryAt: undefined,
    rejected: [],
    refusedPhotos: [],
    corruptPhotos: [],
  };
}

/** Most remembered rejected ops; older ones are dropped from the status. */
const MAX_REMEMBERED_REJECTIONS = 50;

/** Seq gaps healed per client in one cycle before giving up (each costs a pull round trip). */
const MAX_GAP_REPAIRS = 2;

function defaultTimer(callback: () => void, ms: number): () => void {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
}

export class SyncEngine {
  private current: SyncStatus = idleSyncStatus();
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly now: () => number;
  private readonly backoff: BackoffOptions;
  private readonly setTimer: (callback: () => void, ms: number) => () => void;
  private running: Promise<CycleResult> | undefined;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | undefined;
  private disposed = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.backoff = {
      ...DEFAULT_BACKOFF,
      ...options.backoff,
      random: options.random ?? Math.random,
    };
    this.setTimer = options.setTimer ?? defaultTimer;
    void options.store.lastSyncAt().then(
      (lastSyncAt) => {
        if (lastSyncAt !== undefined && this.current.lastSyncAt === undefined)
          this.update({ lastSyncAt });
      },
      () => undefined,
    );
  }

  get status(): SyncStatus {
    return this.current;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks for a cycle soon; never throws and returns at once. While a failure backs off, only the
   * user, a regained connection or a visible page skip the wait; timers and local writes do not.
   */
  requestSync(trigger: SyncTrigger): void {
    if (this.disposed || this.current.blocked) return;
    if (this.cancelRetry && (trigger === 'timer' || trigger === 'local-change')) return;
    void this.run();
  }

  /** Runs a cycle now (or joins the running one and runs once more after it). */
  run(): Promise<CycleResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.running = (async () => {
      let result: CycleResult;
      do {
        this.again = false;
        result = await this.lockedCycle();
      } while (this.again && result === 'synced' && !this.disposed);
      return result;
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** After signing in again: sync may run once more. */
  resume(): void {
    if (this.current.blocked !== 'unauthenticated') return;
    this.update({ blocked: undefined, problem: undefined });
    this.requestSync('manual');
  }

  dispose(): void {
    this.disposed = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.listeners.clear();
  }

  private async lockedCycle(): Promise<CycleResult> {
    if (this.current.blocked) return 'blocked';
    const { lock } = this.options;
    if (!lock) return this.cycle();
    const outcome = await lock.runExclusive(() => this.cycle());
    if (outcome.acquired) return outcome.value;
    // Another tab syncs for this device; show its result here too.
    const lastSyncAt = await this.options.store.lastSyncAt().catch(() => undefined);
    if (lastSyncAt !== undefined && lastSyncAt !== this.current.lastSyncAt)
      this.update({ lastSyncAt });
    return 'busy';
  }

  private async cycle(): Promise<CycleResult> {
    this.update({ running: true, step: 'push', photos: undefined });
    try {
      const { store } = this.options;
      const clientId = await store.clientId();
      const pushedUpTo = new Map<string, number>();
      let foreign: SyncStatus['problem'];
      for (const owner of await store.outboxClients()) {
        try {
          pushedUpTo.set(owner, await this.pushClient(owner, clientId));
        } catch (error) {
          // Ops restored from a backup of another user's device: the server refuses that
          // device id (403). They stay on this device (and in its next backup); the rest syncs.
          const refused =
            error instanceof SyncTransportError && error.kind === 'refused' && error.status === 403;
          if (owner === clientId || !refused) throw error;
          foreign = { kind: 'refused', detail: error.message };
        }
      }
      this.update({ step: 'photos' });
      await this.uploadPhotos();
      this.update({ step: 'pull' });
      let hasMore = true;
      while (hasMore) hasMore = await this.pullPage(clientId);
      // Ops restored from another device's backup: no pull speaks for their client, so the push
      // answer (given after the server committed) confirms them.
      for (const [owner, seq] of pushedUpTo)
        if (owner !== clientId && seq > 0) await store.acknowledgeUpTo(owner, seq);
      // After push and pull: a download that fails can never hold back the records.
      this.update({ step: 'photos' });
      await this.downloadPhotos();
      const at = this.now();
      await store.setLastSyncAt(at);
      this.failures = 0;
      this.update({ lastSyncAt: at, problem: foreign, nextRetryAt: undefined });
      return 'synced';
    } catch (error) {
      return this.fail(error);
    } finally {
      this.update({ running: false, step: undefined });
    }
  }

  /** Pushes one client's ops in seq order; returns the seq the server applied up to. */
  private async pushClient(owner: string, ownClientId: string): Promise<number> {
    const { store, transport } = this.options;
    let after = 0;
    let repairs = 0;
    for (;;) {
      const ops = await store.opsAfter(owner, after, MAX_OPS_PER_PUSH);
      if (ops.length === 0) return after;
      let appliedUpTo: number;
      try {
        const response = await transport.push({
          protocolVersion: PROTOCOL_VERSION,
          schemaVersion: store.schemaVersion,
          clientId: owner,
          ops,
        });
        await this.adoptServerStates(owner, ops, response);
        this.noteRejections(ops, response.results);
        await this.keepRefusals(ops, response.results);
        appliedUpTo = response.appliedUpTo;
        const last = ops[ops.length - 1]?.seq ?? after;
        if (appliedUpTo <= after && appliedUpTo < last)
          throw new SyncTransportError(
            'server',
            `De server nam geen wijzigingen aan (verwerkt t/m ${appliedUpTo}).`,
          );
      } catch (error) {
        if (!(error instanceof SyncTransportError) || error.kind !== 'seq-gap') throw error;
        repairs += 1;
        if (repairs > MAX_GAP_REPAIRS) throw error;
        appliedUpTo = error.appliedUpTo ?? (await this.appliedUpToFromPull(owner, ownClientId));
        const [next] = await store.opsAfter(owner, appliedUpTo, 1);
        // The server misses ops this device no longer holds: resending cannot heal that.
        if (next && next.seq > appliedUpTo + 1)
          throw new SyncTransportError(
            'seq-gap',
            `De server mist wijzigingen ${appliedUpTo + 1} t/m ${next.seq - 1} van dit apparaat.`,
            409,
            appliedUpTo,
          );
      }
      after = Math.max(appliedUpTo, 0);
    }
  }

  /** A seq gap answer without a number: one pull page tells (and confirms) where the server is. */
  private async appliedUpToFromPull(owner: string, ownClientId: string): Promise<number> {
    if (owner !== ownClientId)
      throw new SyncTransportError('seq-gap', 'De server mist eerdere wijzigingen.', 409);
    const { store, transport } = this.options;
    const response = await transport.pull({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: store.schemaVersion,
      clientId: ownClientId,
      cursor: await store.cursor(),
      limit: this.options.pullLimit ?? 500,
    });
    await store.applyPull(response);
    return response.appliedUpTo;
  }

  private async pullPage(clientId: string): Promise<boolean> {
    const { store, transport } = this.options;
    const response = await transport.pull({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: store.schemaVersion,
      clientId,
      cursor: await store.cursor(),
      limit: this.options.pullLimit ?? 500,
    });
    await store.applyPull(response);
    return response.hasMore && response.changes.length > 0;
  }

  private async uploadPhotos(): Promise<void> {
    const { store } = this.options;
    const waiting = await store.pendingPhotoUploads();
    if (waiting.length === 0) return;
    let done = 0;
    const refused = new Set(this.current.refusedPhotos);
    this.update({ photos: { done, total: waiting.length } });
    for (const photo of waiting) {
      try {
        await this.uploadPhoto(photo);
        refused.delete(photo.hash);
      } catch (error) {
        // One photo the server refuses must not hold back the others or the records.
        if (!(error instanceof SyncTransportError) || error.kind !== 'refused') throw error;
        refused.add(photo.hash);
      }
      done += 1;
      this.update({ photos: { done, total: waiting.length }, refusedPhotos: [...refused] });
    }
  }

  /**
   * Fetches bytes of photos known only by metadata. A 404 means the other device did not upload
   * yet: the next cycle asks again. Network and server errors fail the cycle (normal backoff).
   */
  private async downloadPhotos(): Promise<void> {
    const { store, transport } = this.options;
    const hash = this.options.hash ?? sha256Hex;
    const corrupt = new Set(this.current.corruptPhotos);
    const missing = await store.photosMissingData(this.options.photoDownloadLimit ?? 50, corrupt);
    for (const photo of missing) {
      let data: ArrayBuffer | undefined;
      try {
        data = await transport.downloadPhoto(photo.hash);
      } catch (error) {
        // A photo the server refuses to give (4xx) must not hold back the others.
        if (error instanceof SyncTransportError && error.kind === 'refused') continue;
        throw error;
      }
      if (data === undefined) continue;
      if (data.byteLength > MAX_PHOTO_BYTES || (await hash(data)) !== photo.hash) {
        corrupt.add(photo.hash);
        this.update({ corruptPhotos: [...corrupt] });
        continue;
      }
      await store.storeDownloadedPhoto(photo.hash, data);
    }
  }

  private async uploadPhoto(photo: PendingPhotoUpload): Promise<void> {
    const { store, transport } = this.options;
    if (await transport.photoExists(photo.hash)) {
      await store.markPhotoUploaded(photo.hash);
      return;
    }
    const data = await store.photoBytes(photo.hash);
    if (!data) return;
    let status = await transport.photoUploadStatus(photo.hash);
    for (let attempt = 1; ; attempt += 1) {
      if (!status.complete) await this.sendPhotoBytes(photo.hash, data, status.receivedBytes);
      try {
        await transport.completePhoto(photo.hash, data.byteLength, photo.mimeType);
        break;
      } catch (error) {
        // 409: the server holds fewer bytes than were sent (say, a chunk it lost). Go on from
        // its offset at once, never from zero; once only, so a confused server cannot loop us.
        if (attempt > 1 || !(error instanceof SyncTransportError) || error.status !== 409)
          throw error;
        status = await transport.photoUploadStatus(photo.hash);
      }
    }
    // Only now, with the server's confirmation, does the device mark the photo as stored there.
    await store.markPhotoUploaded(photo.hash);
  }

  /** Sends the bytes the server does not have yet, from its offset `from`. */
  private async sendPhotoBytes(hash: string, data: ArrayBuffer, from: number): Promise<void> {
    // An offset beyond the photo means the server holds something else: complete discards it.
    let offset = from > data.byteLength ? 0 : from;
    // The server's offset is the truth; a bounded number of requests guards against a server
    // that never moves forward.
    let budget = Math.ceil(data.byteLength / PHOTO_CHUNK_BYTES) * 2 + 2;
    while (offset < data.byteLength) {
      budget -= 1;
      const chunk = data.slice(offset, offset + PHOTO_CHUNK_BYTES);
      const next = await this.options.transport.uploadPhotoChunk(hash, offset, chunk);
      if (next.complete) return;
      if (next.receivedBytes === offset || budget < 0)
        throw new SyncTransportError('server', 'De server nam het fotodeel niet aan.');
      offset = next.receivedBytes;
    }
  }

  /**
   * The refused values carry newer clocks than the server's, so no pull would ever replace them:
   * the records of rejected ops go back to the server's state now (pending later edits stay).
   */
  private async adoptServerStates(
    owner: string,
    ops: readonly Op[],
    response: PushResponse,
  ): Promise<void> {
    const bySeq = new Map(ops.map((op) => [op.seq, op]));
    const records: Parameters<SyncStore['adoptServerStates']>[0]['records'][number][] = [];
    for (const result of response.results) {
      const op = bySeq.get(result.seq);
      // A duplicate with `current` is a rejected op sent again (the first answer was lost).
      if (result.status !== 'applied' && op && result.current !== undefined)
        records.push({ entity: op.entity, id: op.id, current: result.current });
    }
    if (records.length === 0) return;
    await this.options.store.adoptServerStates({
      clientId: owner,
      appliedUpTo: response.appliedUpTo,
      serverHlc: response.serverHlc,
      records,
    });
  }

  /** Refusals per record, for the screen where the change was made (and the status bar). */
  private async keepRefusals(ops: readonly Op[], results: PushResponse['results']): Promise<void> {
    const bySeq = new Map(ops.map((op) => [op.seq, op]));
    type Refused = { entity: Op['entity']; id: string; fields: string[]; reason: string };
    // In seq order: a later applied op on the same record settles an earlier refusal.
    const refused = new Map<string, Refused>();
    const settled: { entity: Op['entity']; id: string }[] = [];
    for (const result of [...results].sort((a, b) => a.seq - b.seq)) {
      const op = bySeq.get(result.seq);
      if (!op) continue;
      const key = `${op.entity}/${op.id}`;
      if (result.status === 'applied') {
        refused.delete(key);
        settled.push({ entity: op.entity, id: op.id });
      } else if (
        result.status === 'rejected' ||
        (result.status === 'duplicate' && result.current !== undefined)
      )
        refused.set(key, {
          entity: op.entity,
          id: op.id,
          fields: [...(refused.get(key)?.fields ?? []), ...Object.keys(op.fields)],
          reason: result.reason ?? '',
        });
    }
    if (refused.size > 0 || settled.length > 0)
      await this.options.store.noteRefusals({ refused: [...refused.values()], settled });
  }

  private noteRejections(ops: readonly Op[], results: PushResponse['results']): void {
    const bySeq = new Map(ops.map((op) => [op.seq, op]));
    const fresh: RejectedOp[] = [];
    const known = new Set(this.current.rejected.map((r) => `${r.entity}/${r.id}/${r.reason}`));
    for (const result of results) {
      const op = bySeq.get(result.seq);
      const refused =
        result.status === 'rejected' ||
        (result.status === 'duplicate' && result.current !== undefined);
      if (!refused || !op) continue;
      const rejection: RejectedOp = {
        entity: op.entity,
        id: op.id,
        reason: result.reason ?? '',
        // With no server copy (null) the device keeps the user's work: nothing to revert to.
        ...(result.current !== undefined && result.current !== null && { reverted: true }),
      };
      // A retried push repeats its rejections; each is told once.
      const key = `${op.entity}/${op.id}/${rejection.reason}`;
      if (result.status === 'duplicate' && known.has(key)) continue;
      known.add(key);
      fresh.push(rejection);
    }
    if (fresh.length > 0)
      this.update({
        rejected: [...this.current.rejected, ...fresh].slice(-MAX_REMEMBERED_REJECTIONS),
      });
  }

  private fail(error: unknown): CycleResult {
    const kind: SyncProblemKind = error instanceof SyncTransportError ? error.kind : 'unexpected';
    const detail = error instanceof Error ? error.message : String(error);
    if (kind === 'unauthenticated') {
      this.update({
        blocked: 'unauthenticated',
        problem: { kind, detail },
        nextRetryAt: undefined,
      });
      this.options.onNeedsSignIn?.();
      return 'blocked';
    }
    if (kind === 'update-required') {
      this.update({
        blocked: 'update-required',
        problem: { kind, detail },
        nextRetryAt: undefined,
      });
      this.options.onUpdateRequired?.();
      return 'blocked';
    }
    const delay = backoffDelay(this.failures, this.backoff);
    this.failures += 1;
    if (!this.disposed) {
      this.cancelRetry = this.setTimer(() => {
        this.cancelRetry = undefined;
        this.requestSync('retry');
      }, delay);
    }
    this.update({ problem: { kind, detail }, nextRetryAt: this.now() + delay });
    return 'failed';
  }

  private update(patch: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }
}

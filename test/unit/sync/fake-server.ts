// An in-memory sync server built from the shared protocol and merge, speaking the SyncTransport
// interface, with injectable failures: the connection dropping before or after the server
// commits, a request delivered twice, and 401/426/409/5xx answers. Requests and answers are
// copied through JSON like on the wire, so no object is shared between "device" and "server".
import { createHash } from 'node:crypto';
import { HybridLogicalClock } from '../../../src/shared/sync/hlc.ts';
import { applyOp, emptyRecord, type RecordState } from '../../../src/shared/sync/merge.ts';
import {
  PHOTO_CHUNK_BYTES,
  PullRequestSchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type Op,
  type OpResult,
  type PhotoUploadStatus,
  type PullRequest,
  type PullResponse,
  type PulledChange,
  type PushRequest,
  type PushResponse,
} from '../../../src/shared/sync/protocol.ts';
import { SyncTransportError, type SyncTransport } from '../../../src/app/sync/transport.ts';

export type Call =
  | 'push'
  | 'pull'
  | 'photoExists'
  | 'photoStatus'
  | 'photoChunk'
  | 'photoComplete'
  | 'photoDownload';

export type Fault =
  /** The request never reaches the server. */
  | { kind: 'drop-before' }
  /** The server commits, the answer is lost. */
  | { kind: 'drop-after' }
  /** The request arrives twice (a proxy retry); the device sees the second answer. */
  | { kind: 'duplicate' }
  /** The server answers with an HTTP error status. */
  | { kind: 'status'; status: 401 | 409 | 426 | 500 | 503 };

interface ServerRecord {
  entity: PulledChange['entity'];
  id: string;
  state: RecordState;
  cursor: number;
}

interface ServerPhoto {
  bytes: Uint8Array;
  complete: boolean;
  mimeType?: string;
}

function wire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function statusError(status: number): SyncTransportError {
  const kind =
    status === 401
      ? 'unauthenticated'
      : status === 426
        ? 'update-required'
        : status === 409
          ? 'seq-gap'
          : 'server';
  return new SyncTransportError(kind, `HTTP ${status}`, status);
}

export class FakeSyncServer {
  readonly records = new Map<string, ServerRecord>();
  readonly applied = new Map<string, number>();
  readonly photos = new Map<string, ServerPhoto>();
  /** Every op the server merged, for counting duplicates. */
  readonly mergedOps: Op[] = [];
  readonly calls: Call[] = [];
  /** Decides a fault per call; tests replace it. */
  fault: (call: Call) => Fault | undefined = () => undefined;
  /** Runs before the server handles a call, e.g. to let the device write while it syncs. */
  beforeCall: (call: Call) => Promise<void> = () => Promise.resolve();
  /** Ops refused for good (answered `rejected`, counted as applied). */
  reject: (op: Op) => string | undefined = () => undefined;
  /** A 409 answer without appliedUpTo in its body, like a server that does not say. */
  gapWithoutNumber = false;
  private cursor = 0;
  private readonly clock: HybridLogicalClock;

  constructor(now: () => number = () => Date.UTC(2025, 2, 1, 9, 0, 0)) {
    this.clock = new HybridLogicalClock('server', now);
  }

  /** Forgets everything (a server restored from an old backup). */
  reset(): void {
    this.records.clear();
    this.applied.clear();
    this.photos.clear();
  }

  /** A transport for one device; every call goes through the fault hook. */
  transport(): SyncTransport {
    return {
      push: (request) => this.call('push', () => this.push(wire(request))),
      pull: (request) => this.call('pull', () => this.pull(wire(request))),
      photoExists: (hash) =>
        this.call('photoExists', () => this.photos.get(hash)?.complete === true),
      photoUploadStatus: (hash) => this.call('photoStatus', () => this.photoStatus(hash)),
      uploadPhotoChunk: (hash, offset, chunk) =>
        this.call('photoChunk', () => this.chunk(hash, offset, new Uint8Array(chunk.slice(0)))),
      completePhoto: (hash, size, mimeType) =>
        this.call('photoComplete', () => this.complete(hash, size, mimeType)),
      // Bytes are copied, not shared, like on the wire; an unfinished upload answers 404.
      downloadPhoto: (hash) =>
        this.call('photoDownload', () => {
          const photo = this.photos.get(hash);
          return photo?.complete ? photo.bytes.slice().buffer : undefined;
        }),
    };
  }

  /** The visible (not deleted) merged values of every record of one entity kind. */
  liveRecords(entity: PulledChange['entity']): Map<string, RecordState> {
    const result = new Map<string, RecordState>();
    for (const record of this.records.values())
      if (record.entity === entity) result.set(record.id, record.state);
    return result;
  }

  private async call<T>(call: Call, handler: () => T): Promise<T> {
    this.calls.push(call);
    await this.beforeCall(call);
    const fault = this.fault(call);
    if (fault?.kind === 'drop-before')
      throw new SyncTransportError('network', 'Verbinding verbroken (voor verwerking).');
    if (fault?.kind === 'status') throw statusError(fault.status);
    if (fault?.kind === 'duplicate') handler();
    const result = handler();
    if (fault?.kind === 'drop-after')
      throw new SyncTransportError('network', 'Verbinding verbroken (na verwerking).');
    // Photo bytes are already a copy; JSON would turn them into {}.
    return result instanceof ArrayBuffer ? result : wire(result);
  }

  private push(body: PushRequest): PushResponse {
    const request = PushRequestSchema.parse(body);
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(request.protocolVersion)) throw statusError(426);
    let appliedUpTo = this.applied.get(request.clientId) ?? 0;
    const first = request.ops[0];
    if (first && first.seq > appliedUpTo + 1)
      throw new SyncTransportError(
        'seq-gap',
        'HTTP 409',
        409,
        this.gapWithoutNumber ? undefined : appliedUpTo,
      );
    const results: OpResult[] = [];
    for (const op of request.ops) {
      if (op.clientId !== request.clientId) throw statusError(400);
      if (op.seq <= appliedUpTo) {
        results.push({ seq: op.seq, status: 'duplicate' });
        continue;
      }
      if (op.seq !== appliedUpTo + 1) throw new SyncTransportError('seq-gap', 'HTTP 409', 409);
      this.clock.receive(op.hlc);
      const reason = this.reject(op);
      if (reason !== undefined) {
        results.push({ seq: op.seq, status: 'rejected', reason });
      } else {
        this.merge(op);
        results.push({ seq: op.seq, status: 'applied' });
      }
      appliedUpTo = op.seq;
      this.applied.set(request.clientId, appliedUpTo);
    }
    return PushResponseSchema.parse({ results, appliedUpTo, serverHlc: this.clock.tick() });
  }

  private merge(op: Op): void {
    this.mergedOps.push(op);
    const key = `${op.entity}:${op.id}`;
    const record = this.records.get(key) ?? {
      entity: op.entity,
      id: op.id,
      state: emptyRecord(),
      cursor: 0,
    };
    const state = applyOp(record.state, op);
    if (state === record.state && this.records.has(key)) return;
    this.cursor += 1;
    this.records.set(key, { ...record, state, cursor: this.cursor });
  }

  private pull(body: PullRequest): PullResponse {
    const request = PullRequestSchema.parse(body);
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(request.protocolVersion)) throw statusError(426);
    const newer = [...this.records.values()]
      .filter((record) => record.cursor > request.cursor)
      .sort((a, b) => a.cursor - b.cursor);
    const page = newer.slice(0, request.limit);
    const changes: PulledChange[] = page.map((record) => ({
      cursor: record.cursor,
      entity: record.entity,
      id: record.id,
      fields: record.state.fields,
      ...(record.state.deletedHlc !== undefined && { deletedHlc: record.state.deletedHlc }),
    }));
    return PullResponseSchema.parse({
      changes,
      nextCursor: page.at(-1)?.cursor ?? request.cursor,
      hasMore: newer.length > page.length,
      appliedUpTo: this.applied.get(request.clientId) ?? 0,
      serverHlc: this.clock.tick(),
    });
  }

  private photoStatus(hash: string): PhotoUploadStatus {
    const photo = this.photos.get(hash);
    return {
      hash,
      receivedBytes: photo?.bytes.byteLength ?? 0,
      complete: photo?.complete ?? false,
    };
  }

  private chunk(hash: string, offset: number, chunk: Uint8Array): PhotoUploadStatus {
    if (chunk.byteLength > PHOTO_CHUNK_BYTES) throw new SyncTransportError('refused', '413', 413);
    const photo = this.photos.get(hash) ?? { bytes: new Uint8Array(0), complete: false };
    if (offset !== photo.bytes.byteLength)
      throw new SyncTransportError('refused', 'Verkeerde offset.', 416);
    const bytes = new Uint8Array(photo.bytes.byteLength + chunk.byteLength);
    bytes.set(photo.bytes);
    bytes.set(chunk, photo.bytes.byteLength);
    this.photos.set(hash, { bytes, complete: false });
    return this.photoStatus(hash);
  }

  private complete(hash: string, size: number, mimeType: string): void {
    const photo = this.photos.get(hash);
    // As the real server: fewer bytes than announced is 409 (resume), more can never be right.
    if (!photo || photo.bytes.byteLength < size)
      throw new SyncTransportError('server', 'Foto onvolledig.', 409);
    if (photo.bytes.byteLength !== size)
      throw new SyncTransportError('refused', 'Foto te groot.', 422);
    const actual = createHash('sha256').update(photo.bytes).digest('hex');
    if (actual !== hash) {
      this.photos.delete(hash);
      throw new SyncTransportError('refused', 'Hash klopt niet.', 422);
    }
    this.photos.set(hash, { ...photo, complete: true, mimeType });
  }
}

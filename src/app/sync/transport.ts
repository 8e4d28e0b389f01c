// What the sync engine needs from the network, as an interface: the browser uses fetch
// (platform/http.ts), tests use an in-memory server with injectable failures.
import type {
  PhotoUploadStatus,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../shared/sync/protocol.ts';

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /** True when the server already stores the complete, verified photo. */
  photoExists(hash: string): Promise<boolean>;
  /** How far an unfinished upload got on the server (0 when it never started). */
  photoUploadStatus(hash: string): Promise<PhotoUploadStatus>;
  /** Sends bytes starting at `offset`; answers the server's state after storing them. */
  uploadPhotoChunk(hash: string, offset: number, chunk: ArrayBuffer): Promise<PhotoUploadStatus>;
  /** Asks the server to verify the hash and store the photo; resolves only when it did. */
  completePhoto(hash: string, size: number, mimeType: string): Promise<void>;
  /**
   * The stored bytes of a photo another device uploaded; undefined when the server does not hold
   * it (yet). The caller verifies the hash: the transport only moves bytes.
   */
  downloadPhoto(hash: string): Promise<ArrayBuffer | undefined>;
}

export type SyncErrorKind =
  /** No connection, a timeout or a dropped response: try again later. */
  | 'network'
  /** The server failed (5xx, 429): try again later. */
  | 'server'
  /** 401: sign in again; the outbox stays. */
  | 'unauthenticated'
  /** 426: this app version must update first; the outbox stays. */
  | 'update-required'
  /** 409: the server misses earlier ops of this client. */
  | 'seq-gap'
  /** Any other refusal (4xx): retrying the same request will not help. */
  | 'refused';

export class SyncTransportError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    /** For a seq gap: the highest seq the server applied, when the answer said so. */
    readonly appliedUpTo?: number,
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

/** Maps an HTTP status to what the engine does about it. */
export function errorKindForStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 426) return 'update-required';
  if (status === 409) return 'seq-gap';
  if (status === 408 || status === 429 || status >= 500) return 'server';
  return 'refused';
}

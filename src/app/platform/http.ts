// The sync transport over fetch: JSON for push/pull (large pushes gzip-compressed; pull answers
// come compressed through the browser's own Accept-Encoding), raw bytes for photo chunks, a Bearer
// token on every request, and every failure turned into a SyncTransportError the engine can act on.
import {
  MAX_PHOTO_BYTES,
  PhotoUploadStatusSchema,
  PullResponseSchema,
  PushResponseSchema,
  type PhotoUploadStatus,
} from '../../shared/sync/protocol.ts';
import { errorKindForStatus, SyncTransportError, type SyncTransport } from '../sync/transport.ts';

export interface HttpTransportOptions {
  /** Origin and prefix, '' for the app's own origin. */
  baseUrl?: string;
  /** The signed-in user's token; undefined when nobody is signed in (the server answers 401). */
  token: () => string | undefined;
  fetch?: typeof fetch;
  /** A request that takes longer is aborted and counted as a network failure. */
  timeoutMs?: number;
  /** Gzip push bodies of GZIP_PUSH_MIN_CHARS and more (default true, where CompressionStream exists). */
  compressPushes?: boolean;
}

/**
 * Push bodies from this size on travel gzip-compressed: ops are repetitive JSON that shrinks
 * 10-20×; below it the saving is a few hundred bytes and not worth the work.
 */
export const GZIP_PUSH_MIN_CHARS = 4 * 1024;

/** `text` gzip-compressed, or undefined where the browser cannot (it then goes uncompressed). */
export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (typeof CompressionStream === 'undefined') return undefined;
  try {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return undefined;
  }
}

interface ErrorBody {
  message?: unknown;
  appliedUpTo?: unknown;
  receivedBytes?: unknown;
}

async function readErrorBody(response: Response): Promise<ErrorBody> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as ErrorBody) : {};
  } catch {
    return {};
  }
}

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const base = options.baseUrl ?? '';
  const fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const compressPushes = options.compressPushes ?? true;

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = options.token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetcher(`${base}${path}`, {
        ...init,
        headers,
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SyncTransportError(
        'network',
        error instanceof Error ? error.message : 'Geen verbinding met de server.',
      );
    }
  }

  async function failure(response: Response): Promise<SyncTransportError> {
    const body = await readErrorBody(response);
    const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
    const appliedUpTo = typeof body.appliedUpTo === 'number' ? body.appliedUpTo : undefined;
    return new SyncTransportError(
      errorKindForStatus(response.status),
      message,
      response.status,
      appliedUpTo,
    );
  }

  async function json<T>(response: Response, parse: (value: unknown) => T): Promise<T> {
    if (!response.ok) throw await failure(response);
    try {
      return parse(await response.json());
    } catch (error) {
      // A cut-off or garbled body is a transport failure: retry later.
      throw new SyncTransportError(
        'network',
        error instanceof Error ? error.message : 'Onleesbaar antwoord.',
      );
    }
  }

  const photoPath = (hash: string) => `/api/photos/${encodeURIComponent(hash)}`;

  return {
    async push(request) {
      const text = JSON.stringify(request);
      const gzipped =
        compressPushes && text.length >= GZIP_PUSH_MIN_CHARS ? await gzipText(text) : undefined;
      const response = await send('/api/sync/push', {
        method: 'POST',
        headers: gzipped
          ? { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }
          : { 'Content-Type': 'application/json' },
        body: gzipped ?? text,
      });
      return json(response, (body) => PushResponseSchema.parse(body));
    },

    async pull(request) {
      const query = new URLSearchParams({
        clientId: request.clientId,
        cursor: String(request.cursor),
        limit: String(request.limit),
        protocolVersion: String(request.protocolVersion),
        schemaVersion: String(request.schemaVersion),
      });
      const response = await send(`/api/sync/pull?${query.toString()}`);
      return json(response, (body) => PullResponseSchema.parse(body));
    },

    async photoExists(hash) {
      const response = await send(photoPath(hash), { method: 'HEAD' });
      if (response.status === 404) return false;
      if (!response.ok) throw await failure(response);
      return true;
    },

    async photoUploadStatus(hash) {
      const response = await send(`${photoPath(hash)}/upload`);
      return json(response, (body) => PhotoUploadStatusSchema.parse(body));
    },

    async uploadPhotoChunk(hash, offset, chunk): Promise<PhotoUploadStatus> {
      const response = await send(`${photoPath(hash)}/chunks?offset=${offset}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: chunk,
      });
      if (response.status === 409) {
        // The server holds a different number of bytes: continue from where it is.
        const body = await readErrorBody(response);
        if (typeof body.receivedBytes === 'number')
          return { hash, receivedBytes: body.receivedBytes, complete: false };
      }
      return json(response, (body) => PhotoUploadStatusSchema.parse(body));
    },

    async completePhoto(hash, size, mimeType) {
      const response = await send(`${photoPath(hash)}/complete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ size, mimeType }),
      });
      if (response.status === 409) {
        // Not all bytes arrived: the next cycle resumes from the server's offset.
        const body = await readErrorBody(response);
        throw new SyncTransportError(
          'server',
          typeof body.message === 'string' ? body.message : 'Foto onvolledig op de server.',
          409,
        );
      }
      await json(response, (body) => PhotoUploadStatusSchema.parse(body));
    },

    async downloadPhoto(hash) {
      const response = await send(photoPath(hash));
      if (response.status === 404) return undefined;
      if (!response.ok) throw await failure(response);
      const length = Number(response.headers.get('Content-Length'));
      if (length > MAX_PHOTO_BYTES)
        throw new SyncTransportError('refused', 'De foto is groter dan toegestaan.', 413);
      try {
        return await response.arrayBuffer();
      } catch (error) {
        // A body cut off halfway: try again next cycle.
        throw new SyncTransportError(
          'network',
          error instanceof Error ? error.message : 'Foto niet volledig ontvangen.',
        );
      }
    },
  };
}

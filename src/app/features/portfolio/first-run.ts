// First run: a device without a portfolio fetches the demo portfolio from the server
// (GET /api/demo/portfolio) and imports it through the portfolio repository. One attempt at a
// time for the whole page; the state is a signal so every screen shows the same progress.
import { signal } from '@preact/signals';
import { getAppStore, type PortfolioInfo, type SchouwStore } from '../../db/index.ts';
import { online } from '../../state/connectivity.ts';

export type FirstRunState =
  | { phase: 'checking' }
  | { phase: 'present'; info: PortfolioInfo }
  | { phase: 'offline' }
  | { phase: 'downloading'; received: number; total: number | undefined }
  | { phase: 'importing' }
  | { phase: 'imported'; info: PortfolioInfo }
  /** `network`: the server could not be reached (as opposed to answering with an error). */
  | { phase: 'failed'; error: unknown; network: boolean };

export const firstRun = signal<FirstRunState>({ phase: 'checking' });

export const DEMO_PORTFOLIO_URL = '/api/demo/portfolio';

let running: Promise<void> | undefined;

class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** Reads the body while reporting bytes received, so a slow line shows movement. */
async function readWithProgress(response: Response): Promise<unknown> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  if (!response.body) return response.json();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    firstRun.value = { phase: 'downloading', received, total };
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

async function download(fetchImpl: typeof fetch): Promise<unknown> {
  firstRun.value = { phase: 'downloading', received: 0, total: undefined };
  const response = await fetchImpl(DEMO_PORTFOLIO_URL, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      { message?: unknown } | undefined;
    throw new ServerError(
      response.status,
      typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`,
    );
  }
  return readWithProgress(response);
}

interface RunOptions {
  force: boolean;
  fetchImpl: typeof fetch;
  store: Pick<SchouwStore, 'portfolio'>;
}

async function run({ force, fetchImpl, store }: RunOptions): Promise<void> {
  try {
    if (!force) {
      if (firstRun.value.phase !== 'failed') firstRun.value = { phase: 'checking' };
      const info = await store.portfolio.info();
      if (info) {
        firstRun.value = { phase: 'present', info };
        return;
      }
    }
    if (!online.value) {
      firstRun.value = { phase: 'offline' };
      return;
    }
    const json = await download(fetchImpl);
    firstRun.value = { phase: 'importing' };
    const info = await store.portfolio.importPortfolio(json);
    firstRun.value = { phase: 'imported', info };
  } catch (error) {
    // fetch rejects with a TypeError when no answer came at all (server or network down).
    firstRun.value = !online.value
      ? { phase: 'offline' }
      : { phase: 'failed', error, network: error instanceof TypeError };
  }
}

/**
 * Makes sure a portfolio is on the device: does nothing when one is there, downloads and imports
 * the demo portfolio when online, and reports 'offline' otherwise. `force` re-downloads.
 */
export function ensurePortfolio(
  options: {
    force?: boolean;
    fetchImpl?: typeof fetch;
    store?: Pick<SchouwStore, 'portfolio'>;
  } = {},
): Promise<void> {
  running ??= run({
    force: options.force ?? false,
    fetchImpl: options.fetchImpl ?? fetch.bind(globalThis),
    store: options.store ?? getAppStore(),
  }).finally(() => {
    running = undefined;
  });
  return running;
}

/** True while a download or import runs. */
export function firstRunBusy(state: FirstRunState): boolean {
  return state.phase === 'downloading' || state.phase === 'importing';
}

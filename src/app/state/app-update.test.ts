import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceWorkerEvents, ServiceWorkerUpdates } from '../platform/sw-update.ts';
import { acceptUpdate, dismissUpdate, updateAvailable, watchForUpdates } from './app-update.ts';

/** Stands in for the browser: the test plays the service worker's events. */
class FakeServiceWorkerUpdates implements ServiceWorkerUpdates {
  events: ServiceWorkerEvents | undefined;
  activations = 0;
  reloads = 0;
  constructor(private readonly waitingAtLoad = false) {}
  register(events: ServiceWorkerEvents): void {
    this.events = events;
    if (this.waitingAtLoad) events.onUpdateWaiting();
  }
  activateWaiting(): void {
    this.activations++;
  }
  reload(): void {
    this.reloads++;
  }
  /** The browser's part once the worker received SKIP_WAITING. */
  newWorkerTakesControl(): void {
    this.events?.onControllerChange(true);
  }
}

let sw: FakeServiceWorkerUpdates;

beforeEach(() => {
  sw = new FakeServiceWorkerUpdates();
  watchForUpdates(sw);
});

describe('app update flow', () => {
  it('offers a waiting version without activating it or reloading', () => {
    expect(updateAvailable.value).toBe(false);
    sw.events?.onUpdateWaiting();
    expect(updateAvailable.value).toBe(true);
    expect(sw.activations).toBe(0);
    expect(sw.reloads).toBe(0);
  });

  it('offers a version that was already waiting when the page loaded', () => {
    const waiting = new FakeServiceWorkerUpdates(true);
    watchForUpdates(waiting);
    expect(updateAvailable.value).toBe(true);
    expect(waiting.activations).toBe(0);
  });

  it('activates the waiting version when the user accepts, and reloads only once it took control', () => {
    sw.events?.onUpdateWaiting();
    acceptUpdate();
    expect(sw.activations).toBe(1);
    expect(sw.reloads).toBe(0);
    sw.newWorkerTakesControl();
    expect(sw.reloads).toBe(1);
  });

  it('hides the offer when the user chooses later, without activating or reloading', () => {
    sw.events?.onUpdateWaiting();
    dismissUpdate();
    expect(updateAvailable.value).toBe(false);
    expect(sw.activations).toBe(0);
    expect(sw.reloads).toBe(0);
  });

  it('offers a newer version again after the user chose later', () => {
    sw.events?.onUpdateWaiting();
    dismissUpdate();
    sw.events?.onUpdateWaiting();
    expect(updateAvailable.value).toBe(true);
  });

  it('does not reload when the first installed worker claims the page', () => {
    sw.events?.onControllerChange(false);
    expect(sw.reloads).toBe(0);
    expect(updateAvailable.value).toBe(false);
  });

  it('asks before reloading when another tab accepted the update', () => {
    sw.events?.onUpdateWaiting();
    dismissUpdate();
    sw.newWorkerTakesControl();
    expect(sw.reloads).toBe(0);
    expect(updateAvailable.value).toBe(true);
    acceptUpdate();
    // Nothing is waiting any more: the new version already runs, so only this page must reload.
    expect(sw.activations).toBe(0);
    expect(sw.reloads).toBe(1);
  });
});

import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.ts';
import { online } from '../../state/connectivity.ts';
import { syncStatus } from '../../state/sync-engine-status.ts';
import { idleSyncStatus, type SyncStatus } from '../../sync/engine.ts';
import { StatusBar } from './StatusBar.tsx';

const idle = idleSyncStatus();

function render(isOnline: boolean, status: SyncStatus | undefined): string {
  setLocale('nl');
  online.value = isOnline;
  syncStatus.value = status;
  return renderToString(<StatusBar />);
}

afterEach(() => {
  syncStatus.value = undefined;
  online.value = true;
});

describe('status bar sync state', () => {
  it('points to the settings when sync has a problem while online', () => {
    const html = render(true, { ...idle, problem: { kind: 'server', detail: '503' } });
    expect(html).toContain('Synchronisatie vraagt aandacht');
    expect(html).toContain('href="/instellingen"');
  });

  it('stays quiet when sync is fine, and offline (which already says why nothing is sent)', () => {
    expect(render(true, idle)).not.toContain('data-testid="sync-attention"');
    expect(
      render(false, { ...idle, problem: { kind: 'network', detail: 'Failed to fetch' } }),
    ).not.toContain('data-testid="sync-attention"');
  });
});

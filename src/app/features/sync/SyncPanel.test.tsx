import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.ts';
import { nl } from '../../i18n/messages.ts';
import { syncStatus } from '../../state/sync-engine-status.ts';
import { idleSyncStatus, type SyncStatus } from '../../sync/engine.ts';
import { SyncPanel } from './SyncPanel.tsx';

const idle = idleSyncStatus();

function text(status: SyncStatus): string {
  setLocale('nl');
  syncStatus.value = status;
  return renderToString(<SyncPanel />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

afterEach(() => {
  syncStatus.value = undefined;
});

describe('sync panel', () => {
  it('shows photo progress in words while photos upload', () => {
    const shown = text({ ...idle, running: true, step: 'photos', photos: { done: 12, total: 40 } });
    expect(shown).toContain('12 van 40 foto’s');
    expect(shown).toContain('Bezig met synchroniseren');
  });

  it('explains a lost connection in Dutch, says the work is safe and when it retries', () => {
    const shown = text({
      ...idle,
      problem: { kind: 'network', detail: 'Failed to fetch' },
      nextRetryAt: Date.UTC(2026, 10, 22, 9, 30),
    });
    expect(shown).toContain('Geen verbinding met de server.');
    expect(shown).toContain('Uw werk staat veilig op dit apparaat.');
    expect(shown).toContain('Volgende poging om');
    expect(shown).not.toContain('Failed to fetch');
  });

  it('offers the app update when the server requires one, and disables syncing', () => {
    const html = renderToString(<SyncPanel />);
    expect(html).toBe('');
    const shown = text({
      ...idle,
      blocked: 'update-required',
      problem: { kind: 'update-required', detail: 'x' },
    });
    expect(shown).toContain('App bijwerken');
    expect(renderToString(<SyncPanel />)).toMatch(
      /data-testid="sync-now"[^>]*disabled|disabled[^>]*data-testid="sync-now"/,
    );
  });

  it('lists changes the server refused with its reasons', () => {
    const shown = text({
      ...idle,
      lastSyncAt: Date.UTC(2026, 10, 22, 8, 0),
      rejected: [{ entity: 'action', id: 'a', reason: 'Alleen veiligheid mag afronden.' }],
    });
    expect(shown).toContain('Laatst gesynchroniseerd');
    expect(shown).toContain('Door de server geweigerde wijzigingen (1)');
    expect(shown).toContain('Alleen veiligheid mag afronden.');
  });

  it('says when the device went back to the server’s version of a refused change', () => {
    const shown = text({
      ...idle,
      rejected: [
        { entity: 'efgCase', id: 'a', reason: 'Intussen gewijzigd.', reverted: true },
        { entity: 'answer', id: 'b/q', reason: 'Niet uw inspectie.' },
      ],
    });
    expect(shown).toContain('Intussen gewijzigd. ' + nl['sync.rejectedReverted']);
    expect(shown).not.toContain('Niet uw inspectie. ' + nl['sync.rejectedReverted']);
  });

  it('says how many downloaded photos were damaged and when they are fetched again', () => {
    const hashes = ['a'.repeat(64), 'b'.repeat(64)];
    const shown = text({
      ...idle,
      lastSyncAt: Date.UTC(2026, 10, 22, 8, 0),
      corruptPhotos: hashes,
    });
    expect(shown).toContain(
      '2 foto’s van collega’s of andere apparaten konden niet worden geladen (beschadigd).',
    );
    expect(shown).toContain('Ze worden opnieuw opgehaald wanneer u de app opnieuw opent.');
    expect(renderToString(<SyncPanel />)).toContain('data-testid="sync-photos-corrupt"');
    setLocale('en');
    expect(renderToString(<SyncPanel />)).toContain('2 photos from colleagues or other devices');
  });

  it('shows no damaged-photo message when every download matched its hash', () => {
    text({ ...idle, lastSyncAt: Date.UTC(2026, 10, 22, 8, 0) });
    expect(renderToString(<SyncPanel />)).not.toContain('sync-photos-corrupt');
  });
});

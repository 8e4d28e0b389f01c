import { describe, expect, it } from 'vitest';
import { testStore } from '../../../test/unit/db/store-fixtures.ts';

const veiligheid = { userId: 'veil-1', role: 'veiligheid' as const };

describe('recently closed actions', () => {
  it('lists afgerond and vervallen actions, most recently closed first, up to the limit', async () => {
    const { store, clock } = testStore();
    const create = (what: string) =>
      store.actions.create({ what, ownerRole: 'veiligheid', dueDate: '2025-03-31' });
    const first = await create('Blusser keuren');
    const second = await create('Deur repareren');
    const third = await create('Bord ophangen');
    const stillOpen = await create('Vluchtroute vrijmaken');

    await store.actions.transition(first.id, 'afgerond', veiligheid, 'Gekeurd');
    clock.advance(60_000);
    await store.actions.transition(second.id, 'vervallen', veiligheid, 'Deur vervangen');
    clock.advance(60_000);
    await store.actions.transition(third.id, 'in-behandeling', veiligheid);
    clock.advance(60_000);
    await store.actions.transition(third.id, 'afgerond', veiligheid, 'Hangt');

    const closed = await store.actions.listRecentlyClosed(10);
    expect(closed.map((action) => action.what)).toEqual([
      'Bord ophangen',
      'Deur repareren',
      'Blusser keuren',
    ]);
    expect(closed.map((action) => action.id)).not.toContain(stillOpen.id);
    expect((await store.actions.listRecentlyClosed(2)).map((action) => action.id)).toEqual([
      third.id,
      second.id,
    ]);
  });

  it('leaves out a deleted action', async () => {
    const { store } = testStore();
    const action = await store.actions.create({
      what: 'Blusser keuren',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-31',
    });
    await store.actions.transition(action.id, 'afgerond', veiligheid, 'Gekeurd');
    await store.actions.remove(action.id);
    expect(await store.actions.listRecentlyClosed(10)).toEqual([]);
  });
});

describe('watching one action', () => {
  it('follows its status changes', async () => {
    const { store } = testStore();
    const action = await store.actions.create({
      what: 'Blusser keuren',
      ownerRole: 'veiligheid',
      dueDate: '2025-03-31',
    });
    const seen: (string | undefined)[] = [];
    const reached = (status: string) =>
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (seen.at(-1) === status) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
    const unsubscribe = store.actions.watch(action.id).subscribe((item) => seen.push(item?.status));
    await reached('open');
    await store.actions.transition(action.id, 'afgerond', veiligheid, 'Gekeurd');
    await reached('afgerond');
    unsubscribe();
    expect(seen[0]).toBe('open');
  });
});

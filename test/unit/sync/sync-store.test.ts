import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/shared/sync/hlc.ts';
import { questionOfType, startFirstDwellingInspection } from '../db/store-fixtures.ts';
import { FakeSyncServer } from './fake-server.ts';
import { newAction, testDevice } from './harness.ts';

describe('sync store', () => {
  it('keeps the overwritten local answer in the history when another device’s newer answer wins', async () => {
    const server = new FakeSyncServer();
    const first = testDevice(server, 'first');
    const second = testDevice(server, 'second', { clockOffsetMs: 60_000 });
    const { inspection } = await startFirstDwellingInspection(first.store);
    const question = questionOfType('zorggeschiktheid', 'ja-nee');
    await first.engine.run();
    await second.engine.run();

    await first.store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    await second.store.answers.saveAnswer(inspection.id, question, {
      type: 'ja-nee',
      value: 'nee',
    });
    await first.engine.run();
    await second.engine.run();
    await first.engine.run();

    const onFirst = await first.store.answers.list(inspection.id);
    expect(onFirst.find((answer) => answer.questionId === question)?.value).toEqual({
      type: 'ja-nee',
      value: 'nee',
    });
    const history = await first.store.answers.history(inspection.id, question);
    expect(history.map((entry) => [entry.oldValue?.value ?? null, entry.newValue?.value])).toEqual([
      [null, 'ja'],
      ['ja', 'nee'],
    ]);
    // The winner's own device does not record the loser's older value as a change.
    const secondHistory = await second.store.answers.history(inspection.id, question);
    expect(secondHistory.map((entry) => entry.newValue?.value)).toEqual(['nee']);
  });

  it('records who wrote a pulled answer that won over the local one, so the history can name them', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const { inspection } = await startFirstDwellingInspection(device.store);
    const question = questionOfType('zorggeschiktheid', 'ja-nee');
    await device.store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    // Far ahead of the device's clock, so the colleague's value wins every field.
    const later = formatHlc({ wallMs: Date.UTC(2030, 0, 1), counter: 0, node: 'vera' });
    await device.sync.applyPull({
      changes: [
        {
          cursor: 1,
          entity: 'answer',
          id: `${inspection.id}/${question}`,
          fields: {
            value: { value: { type: 'ja-nee', value: 'nee' }, hlc: later },
            answeredBy: { value: 'u-vera', hlc: later },
          },
        },
      ],
      nextCursor: 1,
      serverHlc: later,
      appliedUpTo: 0,
    });

    const history = await device.store.answers.history(inspection.id, question);
    expect(history.map((entry) => [entry.newValue?.value, entry.by])).toEqual([
      ['ja', undefined],
      ['nee', 'u-vera'],
    ]);
  });

  it('does not try to upload a photo that was taken on another device', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    await device.sync.applyPull({
      changes: [
        {
          cursor: 1,
          entity: 'photo',
          id: 'b'.repeat(64),
          fields: {
            inspectionId: {
              value: 'inspectie-1',
              hlc: formatHlc({ wallMs: 1, counter: 0, node: 'x' }),
            },
            mimeType: { value: 'image/jpeg', hlc: formatHlc({ wallMs: 1, counter: 0, node: 'x' }) },
          },
        },
      ],
      nextCursor: 1,
      serverHlc: formatHlc({ wallMs: 2, counter: 0, node: 'server' }),
      appliedUpTo: 0,
    });

    expect(await device.sync.pendingPhotoUploads()).toEqual([]);
    expect(await device.sync.cursor()).toBe(1);
    await device.sync.setLastSyncAt(5);
    await device.sync.resetSyncState();
    expect(await device.sync.cursor()).toBe(0);
    expect(await device.sync.lastSyncAt()).toBeUndefined();
  });

  it('orders a local edit after a pulled change stamped by a clock that runs ahead', async () => {
    const server = new FakeSyncServer();
    const ahead = testDevice(server, 'ahead', { clockOffsetMs: 3_600_000 });
    const behind = testDevice(server, 'behind');
    const action = await ahead.store.actions.create(newAction('Van de voorlopende klok'));
    await ahead.engine.run();
    await behind.engine.run();

    await behind.store.actions.update(action.id, { what: 'Later gewijzigd' });
    await behind.engine.run();
    await ahead.engine.run();

    expect((await ahead.store.actions.get(action.id))?.what).toBe('Later gewijzigd');
    expect((await behind.store.actions.get(action.id))?.what).toBe('Later gewijzigd');
  });

  it('applies a deletion from another device as a tombstone an older edit cannot revive', async () => {
    const server = new FakeSyncServer();
    const first = testDevice(server, 'first');
    const second = testDevice(server, 'second', { clockOffsetMs: 60_000 });
    const action = await first.store.actions.create(newAction('Verwijderen'));
    await first.engine.run();
    await second.engine.run();

    await second.store.actions.remove(action.id);
    await first.store.actions.update(action.id, { what: 'Oudere wijziging' });
    await second.engine.run();
    await first.engine.run();
    await second.engine.run();

    expect(await first.store.actions.get(action.id)).toBeUndefined();
    expect(await second.store.actions.get(action.id)).toBeUndefined();
  });

  it('lists only live photos without bytes, honours the skip set, and stores bytes just once', async () => {
    const server = new FakeSyncServer();
    const device = testDevice(server, 'device');
    const row = (hash: string, deletedHlc?: string) => ({
      hash,
      inspectionId: 'inspectie-1',
      mimeType: 'image/jpeg',
      width: 10,
      height: 10,
      bytes: 3,
      createdAt: '2025-03-01T09:00:00.000Z',
      uploaded: 1 as const,
      clocks: {},
      ...(deletedHlc ? { deletedHlc } : {}),
    });
    const deletedAt = formatHlc({ wallMs: Date.UTC(2025, 2, 1), counter: 0, node: 'server' });
    const [held, missing, skipped, deleted] = ['a', 'b', 'c', 'd'].map((c) => c.repeat(64)) as [
      string,
      string,
      string,
      string,
    ];
    await device.context.db.photos.bulkAdd([
      row(held),
      row(missing),
      row(skipped),
      row(deleted, deletedAt),
    ]);
    await device.context.db.photoData.add({ hash: held, data: new ArrayBuffer(3) });

    const listed = await device.sync.photosMissingData(10, new Set([skipped]));

    expect(listed.map((photo) => photo.hash)).toEqual([missing]);
    expect(await device.sync.storeDownloadedPhoto(missing, new ArrayBuffer(3))).toBe(true);
    expect(await device.sync.storeDownloadedPhoto(missing, new ArrayBuffer(3))).toBe(false);
    expect(await device.sync.storeDownloadedPhoto('e'.repeat(64), new ArrayBuffer(3))).toBe(false);
    expect(await device.context.db.photoData.get('e'.repeat(64))).toBeUndefined();
    expect(await device.sync.photosMissingData(10, new Set([skipped]))).toEqual([]);
    expect(await device.sync.pendingPhotoUploads()).toEqual([]);
  });
});

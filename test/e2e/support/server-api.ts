// Talking to the e2e server directly, as a device would: sign in, then pull. Used where a spec
// needs the server's own view of the data to compare the screens against.
import type { APIRequestContext } from '@playwright/test';
import { SignInResponseSchema } from '../../../src/shared/auth.ts';
import { uuidv7 } from '../../../src/shared/ids.ts';
import { PROTOCOL_VERSION, PullResponseSchema } from '../../../src/shared/sync/protocol.ts';
import { DEMO_PASSWORD } from './session.ts';
import { expect } from './test.ts';

export type PulledRecord = { id: string } & Record<string, unknown>;

/** Every live record of the signed-in user's organisation, per entity, as a first pull sees it. */
export async function pullAsDevice(
  request: APIRequestContext,
  email: string,
): Promise<Map<string, PulledRecord[]>> {
  const signIn = await request.post('/api/auth/sign-in', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  const { token } = SignInResponseSchema.parse(await signIn.json());
  const records = new Map<string, PulledRecord>();
  const clientId = uuidv7();
  let cursor = 0;
  for (;;) {
    const query = new URLSearchParams({
      clientId,
      cursor: String(cursor),
      limit: '500',
      protocolVersion: String(PROTOCOL_VERSION),
      schemaVersion: '1',
    });
    const response = await request.get(`/api/sync/pull?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(200);
    const page = PullResponseSchema.parse(await response.json());
    for (const change of page.changes) {
      const key = `${change.entity}/${change.id}`;
      if (change.deletedHlc !== undefined) {
        records.delete(key);
        continue;
      }
      const fields = Object.fromEntries(
        Object.entries(change.fields).map(([name, field]) => [name, field.value]),
      );
      records.set(key, {
        ...(records.get(key) ?? {}),
        ...fields,
        id: change.id,
        entity: change.entity,
      });
    }
    cursor = page.nextCursor;
    if (!page.hasMore) break;
  }
  const byEntity = new Map<string, PulledRecord[]>();
  for (const record of records.values()) {
    const entity = String(record.entity);
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), record]);
  }
  return byEntity;
}

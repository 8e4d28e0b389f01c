// Names for the user ids that histories record. The signed-in user knows their own name; other
// users come from the organisation's directory the device fetched last (colleague-directory.ts
// keeps this signal filled). An id the device cannot name stays "een collega".
import { computed, signal } from '@preact/signals';
import type { DirectoryUser } from '../../../shared/auth.ts';
import { t } from '../../i18n/i18n.ts';
import { session } from '../../state/session.ts';

export interface KnownDirectory {
  organisationId: string;
  users: readonly DirectoryUser[];
}

/** The kept directory; undefined until loaded or when the device has none. */
export const colleagueDirectory = signal<KnownDirectory | undefined>(undefined);

interface Self {
  id: string;
  displayName: string;
  organisationId: string;
}

/**
 * The name of `userId`, or undefined when the device cannot tell. A directory of another
 * organisation (a tablet handed over between organisations) is never used.
 */
export function lookUpName(
  userId: string,
  self: Self | undefined,
  directory: KnownDirectory | undefined,
): string | undefined {
  if (self && self.id === userId) return self.displayName;
  if (!directory || (self && directory.organisationId !== self.organisationId)) return undefined;
  return directory.users.find((user) => user.id === userId)?.displayName;
}

const names = computed(() => {
  const user = session.value?.user;
  const directory = colleagueDirectory.value;
  const self = user && {
    id: user.id,
    displayName: user.displayName,
    organisationId: user.organisationId,
  };
  const byId = new Map<string, string>();
  for (const entry of directory?.users ?? []) {
    const name = lookUpName(entry.id, self, directory);
    if (name !== undefined) byId.set(entry.id, name);
  }
  if (self) byId.set(self.id, self.displayName);
  return byId;
});

/**
 * "u" for the signed-in user, "Ingrid Jansen" for a colleague in the directory, or "een collega"
 * for an id this device cannot name. Reactive in components.
 */
export function userName(userId: string): string {
  if (session.value?.user.id === userId) return t('users.you');
  return names.value.get(userId) ?? t('actions.colleague');
}

/** The full name (also the signed-in user's own), for a report that others read. */
export function fullUserName(userId: string): string {
  return names.value.get(userId) ?? t('actions.colleague');
}

/** The author of a history entry; an entry recorded while nobody was signed in says so. */
export function authorName(userId: string | undefined): string {
  return userId === undefined ? t('history.byNobody') : userName(userId);
}

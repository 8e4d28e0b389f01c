import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.ts';
import { memorySessionStorage } from '../../platform/session-storage.ts';
import { initSession, session } from '../../state/session.ts';
import {
  authorName,
  colleagueDirectory,
  fullUserName,
  lookUpName,
  userName,
} from './colleague-names.ts';

const self = { id: 'u-self', displayName: 'Ingrid Jansen', organisationId: 'org-1' };
const directory = {
  organisationId: 'org-1',
  users: [
    { id: 'u-vera', displayName: 'Vera Veilig', role: 'veiligheid' as const },
    { id: 'u-self', displayName: 'Oude naam', role: 'inspecteur' as const },
  ],
};

describe('looking up a user’s name', () => {
  it('names the signed-in user and colleagues of the own organisation', () => {
    expect(lookUpName('u-self', self, directory)).toBe('Ingrid Jansen');
    expect(lookUpName('u-vera', self, directory)).toBe('Vera Veilig');
  });

  it('cannot name an unknown id, nor anyone from a directory of another organisation', () => {
    expect(lookUpName('u-nobody', self, directory)).toBeUndefined();
    expect(lookUpName('u-vera', self, undefined)).toBeUndefined();
    expect(lookUpName('u-vera', { ...self, organisationId: 'org-2' }, directory)).toBeUndefined();
  });
});

describe('the name shown in histories', () => {
  beforeEach(async () => {
    setLocale('nl');
    await initSession(memorySessionStorage());
  });

  afterEach(() => {
    colleagueDirectory.value = undefined;
    session.value = null;
  });

  it('is the colleague’s name once the directory is known, else "een collega"', () => {
    session.value = {
      token: 'A'.repeat(43),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: {
        ...self,
        email: 'ingrid@woonstad.nl',
        role: 'inspecteur',
        organisationName: 'Woonstad',
        organisationSlug: 'woonstad',
      },
    };
    expect(userName('u-vera')).toBe('een collega');
    // The signed-in user reads "u" in every history, others the full name.
    expect(userName('u-self')).toBe('u');
    expect(fullUserName('u-self')).toBe('Ingrid Jansen');
    expect(authorName(undefined)).toBe('niet aangemeld');

    colleagueDirectory.value = directory;
    expect(userName('u-vera')).toBe('Vera Veilig');
    expect(userName('u-nobody')).toBe('een collega');
    setLocale('en');
    expect(userName('u-nobody')).toBe('a colleague');
    expect(userName('u-self')).toBe('you');
  });
});

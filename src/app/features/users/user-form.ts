import { PASSWORD_MIN_LENGTH } from '../../../shared/auth.ts';
import type { MessageKey } from '../../i18n/messages.ts';

// Checks the app makes before asking the server, so a beheerder on a tablet hears at once which
// field needs attention. The server checks the same things again and has the last word.

export interface NewUserDraft {
  email: string;
  displayName: string;
  password: string;
}

export type NewUserErrors = Partial<Record<keyof NewUserDraft, MessageKey>>;

export function passwordProblem(password: string): MessageKey | undefined {
  if (password === '') return 'users.error.passwordMissing';
  if (password.length < PASSWORD_MIN_LENGTH) return 'users.error.passwordShort';
  return undefined;
}

export function newUserErrors(draft: NewUserDraft): NewUserErrors {
  const errors: NewUserErrors = {};
  const email = draft.email.trim();
  if (email === '') errors.email = 'users.error.emailMissing';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'users.error.emailInvalid';
  if (draft.displayName.trim() === '') errors.displayName = 'users.error.nameMissing';
  const password = passwordProblem(draft.password);
  if (password) errors.password = password;
  return errors;
}

export function hasErrors(errors: NewUserErrors): boolean {
  return Object.keys(errors).length > 0;
}

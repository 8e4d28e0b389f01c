import { describe, expect, it } from 'vitest';
import { hasErrors, newUserErrors, passwordProblem } from './user-form.ts';

const valid = {
  email: 'nieuw@woonstad.nl',
  displayName: 'Nieuwe Inspecteur',
  password: 'lang-genoeg',
};

describe('newUserErrors', () => {
  it('accepts a complete draft with a password of ten characters', () => {
    const errors = newUserErrors({ ...valid, password: '0123456789' });
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });

  it('names every empty field', () => {
    const errors = newUserErrors({ email: ' ', displayName: ' ', password: '' });
    expect(errors).toEqual({
      email: 'users.error.emailMissing',
      displayName: 'users.error.nameMissing',
      password: 'users.error.passwordMissing',
    });
    expect(hasErrors(errors)).toBe(true);
  });

  it('refuses an e-mail address without a domain', () => {
    expect(newUserErrors({ ...valid, email: 'nieuw@woonstad' }).email).toBe(
      'users.error.emailInvalid',
    );
  });
});

describe('passwordProblem', () => {
  it('refuses a password of nine characters and accepts one of ten', () => {
    expect(passwordProblem('012345678')).toBe('users.error.passwordShort');
    expect(passwordProblem('0123456789')).toBeUndefined();
  });
});

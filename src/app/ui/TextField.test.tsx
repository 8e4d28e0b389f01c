import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { TextField } from './TextField.tsx';

const ignore = () => undefined;

describe('text field', () => {
  it('labels the input and points it at its hint and error', () => {
    const html = renderToString(
      <TextField
        id="f-password"
        label="Wachtwoord"
        hint="Minstens 10 tekens"
        error="Te kort"
        type="password"
        value=""
        onInput={ignore}
        autoComplete="new-password"
      />,
    );
    expect(html).toContain('<label class="field-label" for="f-password">Wachtwoord</label>');
    expect(html).toContain('id="f-password-hint"');
    expect(html).toContain('id="f-password-error"');
    expect(html).toContain('aria-describedby="f-password-hint f-password-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('class="field has-error"');
    expect(html).not.toContain('inputmode');
  });

  it('takes an e-mail address verbatim with the e-mail keyboard, and is not invalid without an error', () => {
    const html = renderToString(
      <TextField
        id="f-email"
        label="E-mailadres"
        type="email"
        value="ingrid@woonstad.nl"
        onInput={ignore}
        autoComplete="username"
        verbatim
      />,
    );
    expect(html).toMatch(/inputmode="email"/i);
    expect(html).toMatch(/autocapitalize="none"/i);
    expect(html).toContain('spellcheck="false"');
    expect(html).toContain('value="ingrid@woonstad.nl"');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
  });
});

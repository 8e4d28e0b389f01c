import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LabelValidity } from './LabelValidity.tsx';

const label = { registrationDate: '2016-07-27', validUntil: '2026-07-27' };

describe('label validity next to a label', () => {
  it('marks an expired label "verlopen sinds" the first day it no longer counts', () => {
    const html = renderToString(<LabelValidity label={label} showValid today="2026-12-08" />);
    expect(html).toContain('data-testid="label-expired"');
    expect(html).toMatch(/verlopen sinds 28 jul\.? 2026/);
    expect(html).not.toContain('geldig tot');
  });

  it('marks it in lists too, where a valid label gets no extra text', () => {
    expect(renderToString(<LabelValidity label={label} today="2026-12-08" />)).toContain(
      'verlopen sinds',
    );
    expect(renderToString(<LabelValidity label={label} today="2026-07-27" />)).toBe('');
  });

  it('says "geldig tot" on its last valid day where asked', () => {
    const html = renderToString(<LabelValidity label={label} showValid today="2026-07-27" />);
    expect(html).toMatch(/geldig tot 27 jul\.? 2026/);
  });
});

import type { Help, LocalizedText, Option, RuleCitation } from './template-schema.ts';

// Shorthands for writing template data. They only build plain objects; a change here changes
// shipped templates and so fails the fingerprint test, as it should.

export function text(nl: string, en?: string): LocalizedText {
  return en === undefined ? { nl } : { nl, en };
}

export function help(nl: string, ...rules: [RuleCitation, ...RuleCitation[]]): Help {
  return { text: { nl }, rules };
}

export function options(...entries: [id: string, nl: string][]): Option[] {
  return entries.map(([id, nl]) => ({ id, label: { nl } }));
}

/** The usual "non-compliant answer needs a photo" for a ja/nee question where ja is in order. */
export const photoWhenNee = { op: 'equals', value: 'nee' } as const;
export const passWhenJa = { op: 'equals', value: 'ja' } as const;

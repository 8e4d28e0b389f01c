// One word per concept: the finding's urgency and the NEN 2767 defect scale sit on one form,
// so no urgency word (nor the label) may read like a NEN 2767 word, in either language.
import { describe, expect, it } from 'vitest';
import { severities } from '../../../shared/domain/finding.ts';
import { en } from '../../i18n/messages-en.ts';
import { nl, type Catalogue, type MessageKey } from '../../i18n/messages.ts';
import { ernstKeys } from './nen-names.ts';

const nenKeys: readonly MessageKey[] = ['nen.ernst', ...Object.values(ernstKeys)];
const severityKeys: readonly MessageKey[] = [
  'finding.severity',
  ...severities.map((severity) => `severity.${severity}` as MessageKey),
];

describe.each([
  ['nl', nl],
  ['en', en],
] as [string, Catalogue][])('finding urgency words (%s)', (_, catalogue) => {
  const nenWords = nenKeys.map((key) => catalogue[key].toLowerCase());

  it.each(severityKeys)('%s is not a NEN 2767 word', (key) => {
    const word = catalogue[key].toLowerCase();
    expect(word).not.toBe('');
    for (const nenWord of nenWords) {
      expect(nenWord).not.toBe(word);
      expect(nenWord.includes(word)).toBe(false); // "Ernst" in "Ernst van het gebrek"
    }
  });
});

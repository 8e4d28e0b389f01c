import { ruleOf } from '../../../shared/domain/templates/rules.ts';
import type { Help } from '../../../shared/domain/templates/template-schema.ts';
import { t } from '../../i18n/i18n.ts';
import { localized, localizedRule } from '../common/format.ts';

/** The help text of a question with the rules it establishes and their sources. */
export function RuleHelp({ help }: { help: Help }) {
  return (
    <details class="rule-help">
      <summary>{t('question.help')}</summary>
      <p>{localized(help.text)}</p>
      <ul class="rule-list">
        {help.rules.map((citation) => {
          const rule = localizedRule(ruleOf(citation));
          return (
            <li key={rule.id}>
              <span>{rule.text}</span>
              <cite class="rule-source">{t('rule.source', { source: rule.source })}</cite>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

import { useId } from 'preact/hooks';
import { rules } from '../../../shared/domain/rule.ts';
import { severities } from '../../../shared/domain/finding.ts';
import { roles } from '../../../shared/domain/role.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { describedBy, Field } from '../../ui/Field.tsx';
import { formatIsoDate, roleName, severityName } from '../common/format.ts';
import { conditionText, ernstKeys, intensiteitKeys, omvangKeys } from '../common/nen-names.ts';
import {
  nenRating,
  type ActionDraft,
  type ActionField,
  type FindingDraft,
  type FindingField,
} from './finding-form.ts';
import { typedText } from '../../ui/typed-text.ts';

const severityHints: Record<string, MessageKey> = {
  'direct-gevaar': 'severity.hint.direct-gevaar',
  ernstig: 'severity.hint.ernstig',
  gering: 'severity.hint.gering',
};

interface FindingFieldsProps {
  value: FindingDraft;
  /** `typing` is true for keystrokes in a text field (the caller may wait for a pause). */
  onChange: (patch: Partial<FindingDraft>, typing: boolean) => void;
  errors: Partial<Record<FindingField, MessageKey>>;
  readOnly: boolean;
  /** Once stored, the rating can be changed but not removed (see the screens report). */
  allowNenOff?: boolean;
}

/** Location, description, severity and the optional NEN 2767 rating with its condition score. */
export function FindingFields({
  value,
  onChange,
  errors,
  readOnly,
  allowNenOff = true,
}: FindingFieldsProps) {
  const id = useId();
  const rating = nenRating(value);
  const error = (field: FindingField) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div class="finding-fields">
      <Field
        id={`${id}-location`}
        label={t('finding.location')}
        hint={t('finding.location.hint')}
        error={error('location')}
      >
        <input
          id={`${id}-location`}
          class="input"
          type="text"
          disabled={readOnly}
          value={value.location}
          aria-describedby={describedBy(`${id}-location`, true, error('location'))}
          aria-invalid={error('location') ? true : undefined}
          onInput={(event) => onChange({ location: typedText(event.currentTarget) }, true)}
        />
      </Field>
      <Field id={`${id}-description`} label={t('finding.description')} error={error('description')}>
        <textarea
          id={`${id}-description`}
          class="input input-text"
          rows={3}
          disabled={readOnly}
          value={value.description}
          aria-describedby={describedBy(`${id}-description`, false, error('description'))}
          aria-invalid={error('description') ? true : undefined}
          onInput={(event) => onChange({ description: typedText(event.currentTarget) }, true)}
        />
      </Field>
      <ChoiceGroup
        name={`${id}-severity`}
        legend={t('finding.severity')}
        choices={severities.map((severity) => ({
          value: severity,
          label: (
            <>
              <strong>{severityName(severity)}</strong>
              <span class="tile-sub">{t(severityHints[severity]!)}</span>
            </>
          ),
        }))}
        value={value.severity || undefined}
        disabled={readOnly}
        error={error('severity')}
        onChange={(severity) => onChange({ severity: severity as FindingDraft['severity'] }, false)}
      />
      <label class="switch">
        <input
          type="checkbox"
          checked={value.nenEnabled}
          disabled={readOnly || (value.nenEnabled && !allowNenOff)}
          onChange={(event) => onChange({ nenEnabled: event.currentTarget.checked }, false)}
        />
        <span>{t('nen.enable')}</span>
      </label>
      {value.nenEnabled && (
        <div class="nen" data-testid="nen">
          <ChoiceGroup
            name={`${id}-ernst`}
            legend={t('nen.ernst')}
            choices={['ernstig', 'serieus', 'gering'].map((ernst) => ({
              value: ernst,
              label: t(ernstKeys[ernst]!),
            }))}
            value={value.ernst || undefined}
            disabled={readOnly}
            onChange={(ernst) => onChange({ ernst: ernst as FindingDraft['ernst'] }, false)}
          />
          <ChoiceGroup
            name={`${id}-intensiteit`}
            legend={t('nen.intensiteit')}
            choices={intensiteitKeys.map((key, index) => ({
              value: String(index + 1),
              label: t(key),
            }))}
            value={value.intensiteit ? String(value.intensiteit) : undefined}
            disabled={readOnly}
            onChange={(level) =>
              onChange({ intensiteit: Number(level) as FindingDraft['intensiteit'] }, false)
            }
          />
          <ChoiceGroup
            name={`${id}-omvang`}
            legend={t('nen.omvang')}
            choices={omvangKeys.map((key, index) => ({ value: String(index + 1), label: t(key) }))}
            value={value.omvang ? String(value.omvang) : undefined}
            disabled={readOnly}
            error={error('nen')}
            onChange={(level) =>
              onChange({ omvang: Number(level) as FindingDraft['omvang'] }, false)
            }
          />
          <p class="condition-score" role="status" data-testid="condition-score">
            {rating ? conditionText(rating) : t('nen.scorePending')}
          </p>
          <p class="muted rule-source">
            {rules['nen2767.conditiescore'].text}{' '}
            {t('rule.source', { source: rules['nen2767.conditiescore'].source })}{' '}
            {t('nen.tableNote')}
          </p>
        </div>
      )}
    </div>
  );
}

interface ActionFieldsProps {
  value: ActionDraft;
  onChange: (patch: Partial<ActionDraft>, typing: boolean) => void;
  errors: Partial<Record<ActionField, MessageKey>>;
  readOnly: boolean;
  /** The date the severity suggests (shown as a hint and to go back to). */
  proposedDueDate: string | undefined;
}

/** What must happen, which team owns it and by when. */
export function ActionFields({
  value,
  onChange,
  errors,
  readOnly,
  proposedDueDate,
}: ActionFieldsProps) {
  const id = useId();
  const error = (field: ActionField) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div class="action-fields">
      <Field id={`${id}-what`} label={t('action.what')} error={error('what')}>
        <input
          id={`${id}-what`}
          class="input"
          type="text"
          disabled={readOnly}
          value={value.what}
          aria-describedby={describedBy(`${id}-what`, false, error('what'))}
          aria-invalid={error('what') ? true : undefined}
          onInput={(event) => onChange({ what: typedText(event.currentTarget) }, true)}
        />
      </Field>
      <ChoiceGroup
        name={`${id}-owner`}
        legend={t('action.owner')}
        choices={roles.map((role) => ({ value: role, label: roleName(role) }))}
        value={value.ownerRole}
        disabled={readOnly}
        onChange={(role) => onChange({ ownerRole: role as ActionDraft['ownerRole'] }, false)}
      />
      <Field
        id={`${id}-due`}
        label={t('action.dueDate')}
        hint={
          proposedDueDate
            ? t('action.dueDate.proposed', { date: formatIsoDate(proposedDueDate) })
            : t('action.dueDate.chooseSeverity')
        }
        error={error('dueDate')}
      >
        <div class="button-row">
          <input
            id={`${id}-due`}
            class="input input-date"
            type="date"
            disabled={readOnly}
            value={value.dueDate}
            aria-describedby={describedBy(`${id}-due`, true, error('dueDate'))}
            aria-invalid={error('dueDate') ? true : undefined}
            onChange={(event) =>
              onChange({ dueDate: event.currentTarget.value, dueDateEdited: true }, false)
            }
          />
          {!readOnly && proposedDueDate && value.dueDate !== proposedDueDate && (
            <Button
              variant="secondary"
              onClick={() => onChange({ dueDate: proposedDueDate, dueDateEdited: false }, false)}
            >
              {t('action.dueDate.useProposal')}
            </Button>
          )}
        </div>
      </Field>
    </div>
  );
}

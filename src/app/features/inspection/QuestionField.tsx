import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuestionState } from '../../../shared/domain/templates/evaluate.ts';
import { formatUnit } from '../../../shared/domain/templates/format.ts';
import type { AnswerValue } from '../../../shared/domain/templates/answer.ts';
import type { Question } from '../../../shared/domain/templates/template-schema.ts';
import { getAppStore, type AnswerHistoryEntry } from '../../db/index.ts';
import { locale, t } from '../../i18n/i18n.ts';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { describedBy } from '../../ui/Field.tsx';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import { errorText } from '../common/errors.ts';
import { useBusyAction } from '../common/use-busy-action.ts';
import { formatDateTime, localized, localizedAnswer } from '../common/format.ts';
import { formatDecimal, parseDecimal } from './number-input.ts';
import { readMeasurement } from '../../../shared/domain/templates/measurement-reading.ts';
import { PhotoSlot } from './PhotoSlot.tsx';
import { RuleHelp } from './RuleHelp.tsx';
import { AutosaveError } from './AutosaveError.tsx';
import { refusalOf } from '../../state/sync-status.ts';
import { userName } from '../users/colleague-names.ts';
import { answerJournalKey } from './unsaved-journal.ts';
import { useAutosave, type Autosave } from './use-autosave.ts';
import { typedText } from '../../ui/typed-text.ts';

/** Pause in typing before a typed value is written (blur and leaving the group write at once). */
const TYPING_PAUSE_MS = 600;

interface QuestionFieldProps {
  inspectionId: string;
  state: QuestionState;
  readOnly: boolean;
  /** Changes made to this answer while the inspection was reopened for correction. */
  corrections?: readonly AnswerHistoryEntry[];
  /** A colleague whose later edit (on another device) replaced my answer. */
  replacedBy?: string | undefined;
}

function saveLabels() {
  return {
    pending: t('save.pending'),
    saving: t('save.saving'),
    saved: t('save.saved'),
    error: t('save.error'),
  };
}

/** One question: its input, autosave state, help with sources, carry-forward mark and photos. */
export function QuestionField({
  inspectionId,
  state,
  readOnly,
  corrections = [],
  replacedBy,
}: QuestionFieldProps) {
  const { question, answer, problems, unconfirmed, photoMissing } = state;
  const store = getAppStore();
  // The server refused my change: the field shows its value, and says mine was not saved.
  const refusal = refusalOf('answer', `${inspectionId}/${question.id}`);
  const autosave = useAutosave<AnswerValue | null>(
    (value) =>
      value === null
        ? store.answers.clearAnswer(inspectionId, question.id)
        : store.answers.saveAnswer(inspectionId, question.id, value),
    answerJournalKey(inspectionId, question.id),
  );
  // Input that is not a valid value (e.g. "abc" in a measurement) is never written.
  const [invalidInput, setInvalidInput] = useState(false);
  // What the inspector just chose shows at once; "Opgeslagen" still waits for the write, and
  // the stored answer takes over as soon as the live query has it.
  const [optimistic, setOptimistic] = useState<{ value: AnswerValue | null } | undefined>();
  const stored = answer?.value;
  useEffect(() => {
    if (optimistic && JSON.stringify(optimistic.value ?? undefined) === JSON.stringify(stored))
      setOptimistic(undefined);
  }, [stored, optimistic]);
  const field: Autosave<AnswerValue | null> = {
    ...autosave,
    save: (value, delayMs) => {
      setOptimistic({ value });
      autosave.save(value, delayMs);
    },
    cancel: () => {
      setOptimistic(undefined);
      autosave.cancel();
    },
  };
  const shown = optimistic ? (optimistic.value ?? undefined) : stored;
  const id = `q-${question.id}`;
  const label = (
    <>
      {localized(question.label)}
      {!question.required && <span class="optional"> {t('question.optional')}</span>}
    </>
  );
  const error = problems.length > 0 ? problems.join(' ') : undefined;
  const showPhotos =
    question.type === 'photo' ||
    (question.photoRequiredWhen !== undefined &&
      answer !== undefined &&
      (photoMissing || (answer.photoIds?.length ?? 0) > 0));

  return (
    <div
      class={['question', unconfirmed ? 'is-unconfirmed' : '', answer ? 'is-answered' : ''].join(
        ' ',
      )}
      id={`vraag-${question.id}`}
      data-testid={`question-${question.id}`}
      data-unconfirmed={unconfirmed ? 'true' : undefined}
    >
      {unconfirmed && (
        <CarriedForwardMark
          inspectionId={inspectionId}
          questionId={question.id}
          readOnly={readOnly}
        />
      )}
      <QuestionInput
        id={id}
        question={question}
        value={shown}
        label={label}
        error={error}
        readOnly={readOnly}
        autosave={field}
        onInvalid={setInvalidInput}
      />
      <div class="question-footer">
        <SaveStatus
          state={
            invalidInput || (refusal !== undefined && autosave.state === 'saved')
              ? 'idle'
              : autosave.state
          }
          labels={saveLabels()}
          testId="save-status"
        />
        {!readOnly && shown !== undefined && question.type !== 'photo' && (
          <Button variant="plain" class="btn-small" onClick={() => field.save(null)}>
            {t('question.clear')}
          </Button>
        )}
      </div>
      <AutosaveError autosave={autosave} />
      {refusal !== undefined && (
        <p class="field-error" role="status" data-testid="refused-notice">
          {t('refused.notice', { reason: refusal.reason })}
        </p>
      )}
      {replacedBy !== undefined && answer !== undefined && (
        <p class="muted" data-testid="answer-changed-by">
          {t('answer.changedBy', {
            name: userName(replacedBy),
            date: formatDateTime(answer.answeredAt),
          })}
        </p>
      )}
      {!unconfirmed && answer?.carriedForwardFrom && (
        <p class="muted carried-confirmed">{t('carryForward.confirmed')}</p>
      )}
      {corrections.length > 0 && (
        <ul class="corrections" data-testid="corrections">
          {corrections.map((entry) => (
            <li key={entry.id}>
              {t('history.correctedLine', {
                old: entry.oldValue
                  ? localizedAnswer(question, entry.oldValue)
                  : t('history.empty'),
                new: entry.newValue
                  ? localizedAnswer(question, entry.newValue)
                  : t('history.empty'),
                date: formatDateTime(entry.at),
              })}
            </li>
          ))}
        </ul>
      )}
      {showPhotos && (
        <PhotoSlot
          owner={{ inspectionId, questionId: question.id }}
          readOnly={readOnly}
          missing={
            photoMissing || (question.type === 'photo' && answer === undefined && question.required)
          }
        />
      )}
      <RuleHelp help={question.help} />
    </div>
  );
}

function CarriedForwardMark({
  inspectionId,
  questionId,
  readOnly,
}: {
  inspectionId: string;
  questionId: string;
  readOnly: boolean;
}) {
  const { busy, failure, run } = useBusyAction();
  const confirm = async () => {
    await run(async () => {
      await getAppStore().answers.confirmAnswer(inspectionId, questionId);
    });
  };
  return (
    <div class="carried-mark" data-testid="carried-forward-mark">
      <span class="carried-label">{t('carryForward.mark')}</span>
      {!readOnly && (
        <Button variant="secondary" disabled={busy} onClick={() => void confirm()}>
          {t('carryForward.confirm')}
        </Button>
      )}
      {failure !== undefined && <p class="field-error">{errorText(failure).detail}</p>}
    </div>
  );
}

interface InputProps {
  id: string;
  question: Question;
  value: AnswerValue | undefined;
  label: ComponentChildren;
  error: string | undefined;
  readOnly: boolean;
  autosave: Autosave<AnswerValue | null>;
  /** Tells whether the field holds input that is not a valid value (nothing is written then). */
  onInvalid?: (invalid: boolean) => void;
}

function QuestionInput(props: InputProps) {
  const { question, value, label, error, readOnly, autosave, id } = props;
  switch (question.type) {
    case 'ja-nee': {
      const choices = [
        { value: 'ja', label: t('answer.ja') },
        { value: 'nee', label: t('answer.nee') },
        ...(question.allowNvt ? [{ value: 'nvt', label: t('answer.nvt') }] : []),
      ];
      return (
        <ChoiceGroup
          name={id}
          legend={label}
          choices={choices}
          value={value?.type === 'ja-nee' ? value.value : undefined}
          disabled={readOnly}
          error={error}
          onChange={(choice) =>
            autosave.save({ type: 'ja-nee', value: choice as 'ja' | 'nee' | 'nvt' })
          }
        />
      );
    }
    case 'single-choice':
      return (
        <ChoiceGroup
          name={id}
          legend={label}
          choices={question.options.map((option) => ({
            value: option.id,
            label: localized(option.label),
          }))}
          value={value?.type === 'single-choice' ? value.value : undefined}
          disabled={readOnly}
          error={error}
          onChange={(choice) => autosave.save({ type: 'single-choice', value: choice })}
        />
      );
    case 'multi-choice': {
      const chosen = value?.type === 'multi-choice' ? value.value : [];
      return (
        <ChoiceGroup
          name={id}
          legend={label}
          multiple
          choices={question.options.map((option) => ({
            value: option.id,
            label: localized(option.label),
          }))}
          value={chosen}
          disabled={readOnly}
          error={error}
          hint={t('question.multiHint')}
          onChange={(choice, checked) => {
            // Keep the template's option order, whatever order they were tapped in.
            const next = question.options
              .map((option) => option.id)
              .filter((option) => (option === choice ? checked : chosen.includes(option)));
            autosave.save({ type: 'multi-choice', value: next });
          }}
        />
      );
    }
    case 'number':
    case 'measurement':
      return <NumberInput {...props} question={question} />;
    case 'date':
      return (
        <div class={error ? 'field has-error' : 'field'}>
          <label class="field-label" for={id}>
            {label}
          </label>
          <input
            id={id}
            class="input input-date"
            type="date"
            disabled={readOnly}
            value={value?.type === 'date' ? value.value : ''}
            aria-describedby={describedBy(id, false, error)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              const text = event.currentTarget.value;
              autosave.save(text ? { type: 'date', value: text } : null);
            }}
          />
          {error && (
            <div class="field-error" id={`${id}-error`}>
              {error}
            </div>
          )}
        </div>
      );
    case 'text':
      return <TextInput {...props} maxLength={question.maxLength} />;
    case 'photo':
      return (
        <div class="field">
          <div class="field-label" id={`${id}-label`}>
            {label}
          </div>
          {error && <div class="field-error">{error}</div>}
        </div>
      );
  }
}

/** Keeps what the inspector is typing; the stored value only replaces it when not editing. */
function useDraftText(stored: string) {
  const [text, setText] = useState(stored);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(stored);
  }, [stored]);
  return { text, setText, editing };
}

type NumericQuestion = Extract<Question, { type: 'number' | 'measurement' }>;

function NumberInput({
  id,
  question,
  value,
  label,
  error,
  readOnly,
  autosave,
  onInvalid,
}: InputProps & { question: NumericQuestion }) {
  const separator = locale.value === 'en' ? '.' : ',';
  const stored =
    value?.type === question.type && Number.isFinite(value.value)
      ? formatDecimal(value.value, separator)
      : '';
  const { text, setText, editing } = useDraftText(stored);
  const [typingError, setTypingError] = useState(false);
  // "1,4" in a cm field is stored as 140 cm (see measurement-reading.ts); the field says so.
  const [readAs, setReadAs] = useState<string | undefined>(undefined);
  const unit = question.unit;
  const hint = t('question.range', {
    min: formatDecimal(question.min, separator),
    max: formatDecimal(question.max, separator),
    unit: unit ? formatUnit(unit) : '',
  }).trim();
  // Over a stored answer, invalid input says that the stored answer stays (and which it is).
  const shownError = typingError
    ? stored === ''
      ? t('question.notANumber')
      : t('question.invalidKept', { value: stored })
    : error;

  const onInput = (next: string) => {
    setText(next);
    const parsed = parseDecimal(next);
    setTypingError(parsed.kind === 'invalid');
    setReadAs(undefined);
    onInvalid?.(parsed.kind === 'invalid');
    if (parsed.kind === 'invalid') {
      // An earlier keystroke (or an emptied field) waiting to be written must not replace the
      // stored answer now that the field holds something else.
      autosave.cancel();
      return;
    }
    if (parsed.kind === 'empty') {
      if (value !== undefined) autosave.save(null, TYPING_PAUSE_MS);
      return;
    }
    if (question.type === 'measurement') {
      const reading = readMeasurement(parsed.value, question);
      if (reading.readAs)
        setReadAs(
          t('question.readAs', {
            value: `${formatDecimal(reading.value, separator)} ${formatUnit(question.unit)}`,
          }),
        );
      autosave.save(
        { type: 'measurement', value: reading.value, unit: question.unit },
        TYPING_PAUSE_MS,
      );
      return;
    }
    autosave.save({ type: 'number', value: parsed.value }, TYPING_PAUSE_MS);
  };

  return (
    <div class={shownError ? 'field has-error' : 'field'}>
      <label class="field-label" for={id}>
        {label}
      </label>
      <div class="field-hint" id={`${id}-hint`}>
        {hint}
      </div>
      <div class="input-with-unit">
        <input
          id={id}
          class="input input-number"
          type="text"
          inputMode={question.decimals > 0 || question.min < 0 ? 'decimal' : 'numeric'}
          autoComplete="off"
          enterKeyHint="next"
          disabled={readOnly}
          value={text}
          aria-describedby={describedBy(id, hint, shownError)}
          aria-invalid={shownError ? true : undefined}
          onFocus={() => {
            editing.current = true;
          }}
          onBlur={() => {
            editing.current = false;
            void autosave.flush();
          }}
          onInput={(event) => onInput(typedText(event.currentTarget))}
        />
        {unit && <span class="unit">{formatUnit(unit)}</span>}
      </div>
      {readAs && !shownError && (
        <div class="field-hint" data-testid="read-as" role="status">
          {readAs}
        </div>
      )}
      {shownError && (
        <div
          class="field-error"
          id={`${id}-error`}
          data-testid={typingError && stored !== '' ? 'input-kept' : undefined}
        >
          {shownError}
        </div>
      )}
    </div>
  );
}

function TextInput({
  id,
  value,
  label,
  error,
  readOnly,
  autosave,
  maxLength,
}: InputProps & { maxLength: number }) {
  const stored = value?.type === 'text' ? value.value : '';
  const { text, setText, editing } = useDraftText(stored);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label class="field-label" for={id}>
        {label}
      </label>
      <textarea
        id={id}
        class="input input-text"
        rows={4}
        maxLength={maxLength}
        disabled={readOnly}
        value={text}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? true : undefined}
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={() => {
          editing.current = false;
          void autosave.flush();
        }}
        onInput={(event) => {
          const next = typedText(event.currentTarget);
          setText(next);
          autosave.save(next.trim() === '' ? null : { type: 'text', value: next }, TYPING_PAUSE_MS);
        }}
      />
      <div class="field-hint" id={`${id}-hint`}>
        {t('question.chars', { count: text.length, max: maxLength })}
      </div>
      {error && (
        <div class="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

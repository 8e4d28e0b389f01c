// Gathers what a report shows from the local store (repositories only) and words it in the UI
// language: an inspection's facts, explained score, answers, findings with their photos and
// actions; for a complex its panden and dwellings, open actions and each inspection in full.
// Everything is local, so a report can be made offline.
import { isOverdue } from '../../../shared/domain/action.ts';
import type { ExplanationEntry } from '../../../shared/domain/scoring/explanation.ts';
import { scoreInspection } from '../../../shared/domain/scoring/index.ts';
import { getTemplate } from '../../../shared/domain/templates/registry.ts';
import type { AnswerSet } from '../../../shared/domain/templates/answer.ts';
import type { Question, Template } from '../../../shared/domain/templates/template-schema.ts';
import type { PhotoNote } from '../../../shared/domain/photo-note.ts';
import {
  energyLabelClasses,
  expiredSince,
  isExpired,
} from '../../../shared/domain/energy-label.ts';
import type {
  ActionView,
  ComplexDetail,
  FindingView,
  InspectionView,
  PortfolioComplex,
  PortfolioDwelling,
  SchouwStore,
} from '../../db/index.ts';
import { locale, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  actionStatusName,
  formatDateTime,
  formatDwellingAddress,
  formatIsoDate,
  inspectionStatusName,
  levelName,
  localized,
  localizedAnswer,
  moduleName,
  roleName,
  severityName,
  todayIso,
} from '../common/format.ts';
import { conditionText, ernstKeys, intensiteitKeys, omvangKeys } from '../common/nen-names.ts';
import { labelRecordOf, summarizeScore, type Light } from '../inspection/score-summary.ts';
import { bouwjaarText } from '../portfolio/ComplexPage.tsx';
import type { EmbeddableImage, ReportBlock, ReportModel, ReportPhoto } from './report-model.ts';
import { fullUserName } from '../users/colleague-names.ts';
import { session } from '../../state/session.ts';

export type ReportProgress =
  | { step: 'collect' }
  /** Photo bytes read from the device: done of total. */
  | { step: 'photos'; done: number; total: number };

/** Turns a photo the PDF cannot hold (WebP) into one it can; undefined when it cannot. */
export type ImageConverter = (
  data: ArrayBuffer,
  mimeType: string,
) => Promise<EmbeddableImage | undefined>;

export interface BuildOptions {
  onProgress?: (progress: ReportProgress) => void;
  convertImage?: ImageConverter;
  /** When the report is made; default now. */
  now?: Date;
}

export class ReportSubjectMissingError extends Error {
  constructor(what: string) {
    super(`Not on this device: ${what}`);
    this.name = 'ReportSubjectMissingError';
  }
}

const outcomeKeys: Record<ExplanationEntry['outcome'], MessageKey> = {
  pass: 'explanation.pass',
  fail: 'explanation.fail',
  warn: 'explanation.warn',
  info: 'explanation.info',
};

const lightKeys: Record<Light, MessageKey> = {
  groen: 'light.groen',
  oranje: 'light.oranje',
  rood: 'light.rood',
  grijs: 'light.grijs',
};

/** Collects the photos a report shows, then reads their bytes in one pass with progress. */
class PhotoCollector {
  private readonly photos: ReportPhoto[] = [];

  /**
   * A photo as one answer or finding uses it: its drawing and caption are that use's own
   * (photo-note.ts), so the same image elsewhere in the report may look different.
   */
  add(hash: string, caption: string, note?: PhotoNote): ReportPhoto {
    const photo: ReportPhoto = {
      hash,
      caption: note?.caption ? `${caption}: ${note.caption}` : caption,
      ...(note?.annotation && note.annotation.shapes.length > 0 && { annotation: note.annotation }),
    };
    this.photos.push(photo);
    return photo;
  }

  async load(store: SchouwStore, options: BuildOptions): Promise<void> {
    const total = this.photos.length;
    let done = 0;
    // The same photo shown twice (an answer and a finding) is read once.
    const loaded = new Map<string, Omit<ReportPhoto, 'hash' | 'caption' | 'annotation'>>();
    for (const photo of this.photos) {
      let result = loaded.get(photo.hash);
      if (!result) {
        result = await readPhoto(store, photo.hash, options.convertImage);
        loaded.set(photo.hash, result);
      }
      Object.assign(photo, result);
      done += 1;
      options.onProgress?.({ step: 'photos', done, total });
    }
  }
}

async function readPhoto(
  store: SchouwStore,
  hash: string,
  convert: ImageConverter | undefined,
): Promise<Omit<ReportPhoto, 'hash' | 'caption' | 'annotation'>> {
  const original = await store.photos.original(hash);
  if (!original) return { missingNote: t('report.photo.missing') };
  if (original.mimeType === 'image/jpeg' || original.mimeType === 'image/png')
    return { image: { data: new Uint8Array(original.data), mimeType: original.mimeType } };
  const converted = await convert?.(original.data, original.mimeType).catch(() => undefined);
  if (converted) return { image: converted };
  return { missingNote: t('report.photo.unsupported', { type: original.mimeType }) };
}

/** The day the inspection took place: finished, else started, else today (as ReviewPage). */
function inspectionDay(inspection: InspectionView): string {
  const at = inspection.finishedAt ?? inspection.startedAt;
  return at ? todayIso(new Date(at)) : todayIso();
}

function complexName(complex: PortfolioComplex): string {
  return `${complex.complexnummer} ${complex.name}`;
}

interface TargetInfo {
  /** "Woning Botersloot 100A-2, 3011 HE Rotterdam". */
  target: string;
  complex: string | undefined;
  dwelling: PortfolioDwelling | undefined;
}

/** Where the inspection took place, from the complex detail when the caller has it. */
async function describeTarget(
  store: SchouwStore,
  inspection: InspectionView,
  known?: ComplexDetail,
): Promise<TargetInfo> {
  const level = levelName(inspection.targetLevel);
  const complex =
    known?.complex.id === inspection.complexId
      ? known.complex
      : (await store.portfolio.listComplexes()).find((item) => item.id === inspection.complexId);
  const complexText = complex && complexName(complex);
  switch (inspection.targetLevel) {
    case 'verblijfsobject': {
      const dwelling =
        known?.panden
          .flatMap((pand) => pand.dwellings)
          .find((item) => item.id === inspection.targetId) ??
        (await store.portfolio.dwellingDetail(inspection.targetId))?.dwelling;
      const address = dwelling ? formatDwellingAddress(dwelling) : t('common.unknown');
      return { target: `${level} ${address}`, complex: complexText, dwelling };
    }
    case 'pand': {
      const pand =
        known?.panden.find((item) => item.pand.id === inspection.targetId)?.pand ??
        (await store.portfolio.pand(inspection.targetId))?.pand;
      return {
        target: t('pand.title', { id: pand?.bagPandId ?? t('common.unknown') }),
        complex: complexText,
        dwelling: undefined,
      };
    }
    case 'complex':
      return {
        target: `${level} ${complexText ?? t('common.unknown')}`,
        complex: undefined,
        dwelling: undefined,
      };
  }
}

function answerText(question: Question, answer: NonNullable<AnswerSet[string]>): string {
  // A report shows a remark in full, where the screen's short form cuts it off.
  const value =
    answer.value.type === 'text' ? answer.value.value : localizedAnswer(question, answer.value);
  return answer.carriedForwardFrom?.unconfirmed
    ? `${value} ${t('report.answer.unconfirmed')}`
    : value;
}

function answerBlocks(
  template: Template,
  answers: AnswerSet,
  photos: PhotoCollector,
): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const group of template.groups) {
    const rows: { label: string; value: string }[] = [];
    const groupPhotos: ReportPhoto[] = [];
    for (const question of group.questions) {
      const answer = answers[question.id];
      if (!answer) continue;
      const label = localized(question.label);
      rows.push({ label, value: answerText(question, answer) });
      const hashes = [
        ...(answer.value.type === 'photo' ? answer.value.value : []),
        ...(answer.photoIds ?? []),
      ];
      for (const hash of new Set(hashes))
        groupPhotos.push(photos.add(hash, label, answer.photoNotes?.[hash]));
    }
    if (rows.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: localized(group.title) });
    blocks.push({ kind: 'facts', rows });
    if (groupPhotos.length > 0) blocks.push({ kind: 'photos', photos: groupPhotos });
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: t('report.answers.none') });
  return blocks;
}

function scoreBlocks(
  template: Template,
  answers: AnswerSet,
  inspection: InspectionView,
  dwelling: PortfolioDwelling | undefined,
): ReportBlock[] {
  const score = scoreInspection(template, answers, {
    inspectionDate: inspectionDay(inspection),
    labelRecords: labelRecordOf(dwelling?.energyLabel),
  });
  const summary = summarizeScore(score);
  const labelOf = (questionId: string) => {
    const question = template.groups
      .flatMap((group) => group.questions)
      .find((item) => item.id === questionId);
    return question ? localized(question.label) : questionId;
  };
  const light = t(lightKeys[summary.light]);
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: summary.headline, style: 'strong' },
    {
      kind: 'paragraph',
      text: summary.provisional
        ? `${t('report.light', { light })} · ${t('review.provisional')}`
        : t('report.light', { light }),
    },
  ];
  if (template.disclaimer)
    blocks.push({ kind: 'paragraph', text: localized(template.disclaimer), style: 'muted' });
  if (summary.blocking.length > 0)
    blocks.push(
      { kind: 'heading', level: 3, text: t('review.blocking') },
      { kind: 'list', items: summary.blocking },
    );
  if (summary.details.length > 0) blocks.push({ kind: 'list', items: summary.details });
  if (score.unanswered.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: t('review.unanswered', { count: score.unanswered.length }),
      style: 'muted',
    });
  if (score.explanation.length > 0)
    blocks.push(
      { kind: 'heading', level: 3, text: t('review.explanation') },
      {
        kind: 'list',
        ordered: true,
        items: score.explanation.map((entry) =>
          [
            `${t(outcomeKeys[entry.outcome])}: ${entry.detail}`,
            entry.rule.text,
            t('rule.source', { source: entry.rule.source }),
            ...(entry.answersUsed.length > 0
              ? [t('review.answersUsed', { questions: entry.answersUsed.map(labelOf).join('; ') })]
              : []),
          ].join('\n'),
        ),
      },
    );
  return blocks;
}

function positionText(position: { lat: number; lon: number; accuracyM: number }): string {
  return t('report.positionValue', {
    lat: position.lat.toFixed(6),
    lon: position.lon.toFixed(6),
    accuracy: Math.round(position.accuracyM),
  });
}

function findingBlocks(findings: readonly FindingView[], photos: PhotoCollector): ReportBlock[] {
  if (findings.length === 0) return [{ kind: 'paragraph', text: t('finding.none') }];
  return findings.flatMap((finding, index): ReportBlock[] => {
    const number = index + 1;
    const rows: { label: string; value: string }[] = [
      { label: t('finding.severity'), value: severityName(finding.severity) },
    ];
    if (finding.nen2767) {
      const rating = finding.nen2767;
      rows.push(
        { label: t('nen.ernst'), value: t(ernstKeys[rating.ernst]!) },
        { label: t('nen.intensiteit'), value: t(intensiteitKeys[rating.intensiteit - 1]!) },
        { label: t('nen.omvang'), value: t(omvangKeys[rating.omvang - 1]!) },
        { label: t('report.nen.score'), value: conditionText(rating) },
      );
    }
    rows.push({ label: t('report.fact.recorded'), value: formatDateTime(finding.createdAt) });
    if (finding.position)
      rows.push({ label: t('report.fact.position'), value: positionText(finding.position) });
    const blocks: ReportBlock[] = [
      {
        kind: 'heading',
        level: 3,
        text: t('report.finding.title', {
          number,
          severity: severityName(finding.severity),
          location: finding.location,
        }),
      },
      { kind: 'paragraph', text: finding.description },
      { kind: 'facts', rows },
    ];
    if (finding.photoIds.length > 0)
      blocks.push({
        kind: 'photos',
        photos: finding.photoIds.map((hash) =>
          photos.add(
            hash,
            t('report.finding.photo', { number, location: finding.location }),
            finding.photoNotes?.[hash],
          ),
        ),
      });
    return blocks;
  });
}

function actionItems(actions: readonly ActionView[], today: string): string[] {
  return actions.map((action) => {
    const status = isOverdue(action, today)
      ? `${actionStatusName(action.status)} · ${t('actions.overdue')}`
      : actionStatusName(action.status);
    const due = t('actions.ownerDue', {
      role: roleName(action.ownerRole),
      date: formatIsoDate(action.dueDate),
    });
    return `${action.what}\n${due} · ${status}`;
  });
}

/** An action with every step of its history (who, when, note) and the photos of its steps. */
function actionBlocks(
  actions: readonly ActionView[],
  today: string,
  photos: PhotoCollector,
): ReportBlock[] {
  if (actions.length === 0) return [{ kind: 'paragraph', text: t('report.actions.none') }];
  return actions.flatMap((action, index): ReportBlock[] => {
    const steps = action.history.map((entry) => {
      const step = t('actions.step', {
        status: actionStatusName(entry.status),
        who: entry.by ? fullUserName(entry.by) : t('history.byNobody'),
        time: formatDateTime(entry.at),
      });
      return entry.note ? `${step} — ${entry.note}` : step;
    });
    const item = [actionItems([action], today)[0] ?? action.what, ...steps].join('\n');
    const blocks: ReportBlock[] = [{ kind: 'list', items: [item] }];
    const stepPhotos = action.history.flatMap((entry) =>
      (entry.photoIds ?? []).map((hash) =>
        photos.add(
          hash,
          t('report.action.photo', {
            number: index + 1,
            what: action.what,
            status: actionStatusName(entry.status),
          }),
        ),
      ),
    );
    if (stepPhotos.length > 0) blocks.push({ kind: 'photos', photos: stepPhotos });
    return blocks;
  });
}

interface InspectionSection {
  title: string;
  target: TargetInfo;
  blocks: ReportBlock[];
}

/** The full content of one inspection: facts, outcome, answers, findings, actions. */
async function inspectionSection(
  store: SchouwStore,
  inspection: InspectionView,
  photos: PhotoCollector,
  today: string,
  known?: ComplexDetail,
): Promise<InspectionSection> {
  const template = getTemplate(inspection.templateId, inspection.templateVersion);
  const [target, answers, findings, actions] = await Promise.all([
    describeTarget(store, inspection, known),
    store.answers.answerSet(inspection.id),
    store.findings.listForInspection(inspection.id),
    store.actions.listForInspection(inspection.id),
  ]);
  const facts: { label: string; value: string }[] = [
    { label: t('report.fact.module'), value: moduleName(inspection.module) },
    { label: t('report.fact.target'), value: target.target },
  ];
  if (target.complex) facts.push({ label: t('report.fact.complex'), value: target.complex });
  const organisation = session.value?.user.organisationName;
  if (organisation) facts.push({ label: t('report.fact.organisation'), value: organisation });
  if (inspection.inspectorId)
    facts.push({ label: t('report.fact.inspector'), value: fullUserName(inspection.inspectorId) });
  facts.push({ label: t('report.fact.status'), value: inspectionStatusName(inspection.status) });
  if (inspection.plannedFor)
    facts.push({ label: t('report.fact.planned'), value: formatIsoDate(inspection.plannedFor) });
  if (inspection.startedAt)
    facts.push({ label: t('report.fact.started'), value: formatDateTime(inspection.startedAt) });
  if (inspection.finishedAt)
    facts.push({ label: t('report.fact.finished'), value: formatDateTime(inspection.finishedAt) });
  facts.push({
    label: t('report.fact.template'),
    value: template
      ? t('report.templateValue', { title: localized(template.title), version: template.version })
      : t('report.templateValue', {
          title: inspection.templateId,
          version: inspection.templateVersion,
        }),
  });
  if (inspection.position)
    facts.push({ label: t('report.fact.position'), value: positionText(inspection.position) });

  const blocks: ReportBlock[] = [{ kind: 'facts', rows: facts }];
  if (template) {
    blocks.push({ kind: 'heading', level: 2, text: t('report.section.score') });
    blocks.push(...scoreBlocks(template, answers, inspection, target.dwelling));
    blocks.push({ kind: 'heading', level: 2, text: t('report.section.answers') });
    blocks.push(...answerBlocks(template, answers, photos));
  } else {
    blocks.push({ kind: 'paragraph', text: t('report.unknownTemplate'), style: 'strong' });
  }
  blocks.push({ kind: 'heading', level: 2, text: t('report.section.findings') });
  blocks.push(...findingBlocks(findings, photos));
  blocks.push({ kind: 'heading', level: 2, text: t('report.section.actions') });
  blocks.push(...actionBlocks(actions, today, photos));
  return {
    title: `${moduleName(inspection.module)} · ${target.target}`,
    target,
    blocks,
  };
}

function reportFrame(kind: MessageKey, now: Date) {
  const organisation = session.value?.user.organisationName;
  const date = formatDateTime(now.getTime());
  return {
    footer: organisation
      ? t('report.footerOrganisation', { organisation, kind: t(kind), date })
      : t('report.footer', { kind: t(kind), date }),
    pageNumber: t('report.pageNumber'),
    language: locale.value === 'en' ? 'en-GB' : 'nl-NL',
    createdAt: now,
  };
}

/** The report of one inspection; ReportSubjectMissingError when it is not on this device. */
export async function buildInspectionReport(
  store: SchouwStore,
  inspectionId: string,
  options: BuildOptions = {},
): Promise<ReportModel> {
  options.onProgress?.({ step: 'collect' });
  const now = options.now ?? new Date();
  const inspection = await store.inspections.get(inspectionId);
  if (!inspection) throw new ReportSubjectMissingError(`inspection ${inspectionId}`);
  const photos = new PhotoCollector();
  const section = await inspectionSection(store, inspection, photos, todayIso(now));
  await photos.load(store, options);
  return {
    title: t('report.title.inspection', { module: moduleName(inspection.module) }),
    subtitle: section.target.target,
    ...reportFrame('report.kind.inspection', now),
    blocks: section.blocks,
  };
}

function labelCountsText(labels: ComplexDetail['labels']): string {
  const parts = [...energyLabelClasses, 'onbekend' as const]
    .filter((label) => (labels[label] ?? 0) > 0)
    .map(
      (label) => `${label === 'onbekend' ? t('label.noneShort') : label} × ${labels[label] ?? 0}`,
    );
  return parts.length > 0 ? parts.join(', ') : t('common.unknown');
}

function labelText(label: NonNullable<PortfolioDwelling['energyLabel']>, today: string): string {
  const text = t('report.dwelling.label', { label: label.class });
  return isExpired(label, today)
    ? `${text} (${t('label.expiredSince', { date: formatIsoDate(expiredSince(label)) })})`
    : text;
}

function dwellingLine(dwelling: PortfolioDwelling, today: string): string {
  return [
    formatDwellingAddress(dwelling),
    dwelling.woningtype,
    dwelling.areaM2 !== null ? `${dwelling.areaM2} m²` : null,
    dwelling.floor !== null ? t('dwelling.floorShort', { floor: dwelling.floor }) : null,
    dwelling.energyLabel ? labelText(dwelling.energyLabel, today) : t('label.noneShort'),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The report of a complex: summary, open actions, panden and dwellings, then every inspection of
 * the complex, its panden and dwellings that has started (planned ones are only listed).
 */
export async function buildComplexReport(
  store: SchouwStore,
  complexId: string,
  options: BuildOptions = {},
): Promise<ReportModel> {
  options.onProgress?.({ step: 'collect' });
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const detail = await store.portfolio.complexDetail(complexId);
  if (!detail) throw new ReportSubjectMissingError(`complex ${complexId}`);
  const { complex, panden } = detail;
  const photos = new PhotoCollector();
  const inspections = [...detail.inspections].reverse(); // oldest first reads as a history
  const sections = new Map<string, InspectionSection>();
  for (const inspection of inspections)
    if (inspection.status !== 'planned')
      sections.set(
        inspection.id,
        await inspectionSection(store, inspection, photos, today, detail),
      );

  const blocks: ReportBlock[] = [
    {
      kind: 'facts',
      rows: [
        { label: t('complex.gemeente'), value: complex.gemeente ?? t('common.unknown') },
        { label: t('complex.bouwjaar'), value: bouwjaarText(detail.bouwjaar) },
        { label: t('complex.panden'), value: String(panden.length) },
        { label: t('complex.dwellings'), value: String(detail.dwellingCount) },
        { label: t('complex.labels'), value: labelCountsText(detail.labels) },
      ],
    },
    { kind: 'heading', level: 2, text: t('target.openActions') },
    ...(detail.openActions.length === 0
      ? [{ kind: 'paragraph', text: t('actions.none') } as const]
      : [{ kind: 'list', items: actionItems(detail.openActions, today) } as const]),
    { kind: 'heading', level: 2, text: t('report.section.inspections') },
  ];
  if (inspections.length === 0)
    blocks.push({ kind: 'paragraph', text: t('report.inspections.none') });
  else
    blocks.push({
      kind: 'list',
      items: await Promise.all(
        inspections.map(async (inspection) => {
          const target =
            sections.get(inspection.id)?.target ??
            (await describeTarget(store, inspection, detail));
          const when = inspection.finishedAt ?? inspection.startedAt;
          return [
            moduleName(inspection.module),
            target.target,
            inspectionStatusName(inspection.status),
            when
              ? formatDateTime(when)
              : inspection.plannedFor
                ? formatIsoDate(inspection.plannedFor)
                : null,
          ]
            .filter(Boolean)
            .join(' · ');
        }),
      ),
    });
  blocks.push({ kind: 'heading', level: 2, text: t('complex.pandenAndDwellings') });
  for (const { pand, dwellings } of panden) {
    blocks.push(
      {
        kind: 'heading',
        level: 3,
        text: t('pand.title', { id: pand.bagPandId ?? t('common.unknown') }),
      },
      {
        kind: 'paragraph',
        style: 'muted',
        text: t('pand.summary', {
          bouwjaar: pand.bouwjaar ?? t('common.unknown'),
          storeys: pand.storeys ?? t('common.unknown'),
          dwellings: dwellings.length,
        }),
      },
    );
    if (dwellings.length > 0)
      blocks.push({
        kind: 'list',
        items: dwellings.map((dwelling) => dwellingLine(dwelling, today)),
      });
  }
  for (const section of sections.values())
    blocks.push(
      { kind: 'page-break' },
      { kind: 'heading', level: 1, text: section.title },
      ...section.blocks,
    );

  await photos.load(store, options);
  return {
    title: t('report.title.complex', { complex: complexName(complex) }),
    subtitle: [complex.gemeente, t('report.dwellingCount', { count: detail.dwellingCount })]
      .filter(Boolean)
      .join(' · '),
    ...reportFrame('report.kind.complex', now),
    blocks,
  };
}

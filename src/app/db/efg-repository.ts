// The sustainability team's EFG workspace on the device: every dwelling whose newest registered
// label is E, F or G (or that already has a case), joined with its case, its complex and its
// energie-opnames; status changes are one transaction writing the case and its outbox op. The
// workflow rules are the domain's (efg-status.ts); the server checks every change again.
import {
  EfgCaseSchema,
  checkEfgTransition,
  type EfgCase,
  type EfgCaseStep,
  type EfgDrop,
  type EfgWorkflowStatus,
  type EnergyMeasureId,
  type Role,
} from '../../shared/domain/index.ts';
import {
  DEFAULT_EFG_TARGET,
  EfgTargetSchema,
  currentStatus,
  isLabelExpired,
  isOnEfgList,
  type CurrentLabel,
  type EfgDwellingFacts,
  type EfgTarget,
} from '../../shared/domain/efg-progress.ts';
import { isoDateOf } from '../../shared/domain/iso-date.ts';
import { scoreInspection } from '../../shared/domain/scoring/index.ts';
import type { Answer } from '../../shared/domain/templates/answer.ts';
import { getTemplate } from '../../shared/domain/templates/index.ts';
import type { ComplexRow, DwellingRow, InspectionRow, SchouwDatabase } from './database.ts';
import { insertEntity, updateEntity } from './entity-writes.ts';
import { InvalidStateError, NotFoundError } from './errors.ts';
import { answerRange, toInspectionView } from './inspection-repository.ts';
import type { InspectionRecord } from './inspection-types.ts';
import { live, type Live } from './live.ts';
import type { StoreContext } from './store-context.ts';
import { isTombstone, omit, stripClocks } from './synced.ts';
import { validate } from './validation.ts';

/** The newest energie-opname of a dwelling that was started (finished ones first). */
export interface EfgOpname {
  inspectionId: string;
  /** 'pand' when the dwelling has none of its own and its building's opname is shown. */
  targetLevel: 'verblijfsobject' | 'pand';
  status: InspectionRecord['status'];
  /** Finished, else started day, 'YYYY-MM-DD'. */
  day: string;
  /** The inspector's chosen measures, or the suggested ones when none were chosen. */
  proposedMeasures: EnergyMeasureId[];
}

/** An energie-opname planned for the dwelling and not yet started. */
export interface EfgPlannedOpname {
  inspectionId: string;
  plannedFor: string;
  inspectorId: string | undefined;
}

export interface EfgCandidate extends EfgDwellingFacts {
  pandId: string;
  complexnummer: string;
  complexName: string;
  vheNummer: string;
  address: Pick<
    DwellingRow,
    'straat' | 'postcode' | 'huisnummer' | 'huisletter' | 'toevoeging' | 'woonplaats'
  >;
  status: EfgWorkflowStatus;
  /** The label is past its validity on the day of the query. */
  expired: boolean;
  lastOpname: EfgOpname | undefined;
  planned: EfgPlannedOpname | undefined;
}

export interface EfgStatusChange {
  to: EfgWorkflowStatus;
  /** Who changes it: the role decides (duurzaamheid and beheerder may), the id is recorded. */
  actor: { userId: string; role: Role };
  /** Required when `to` is afgevallen. */
  drop?: EfgDrop;
  note?: string;
}

/** Where the organisation's target is remembered on this device (synced from the server). */
export const EFG_TARGET_KEY = 'efg.target';

const OPEN_OPNAME: readonly InspectionRecord['status'][] = ['draft', 'reopened'];

function currentLabelOf(dwelling: DwellingRow): CurrentLabel | null {
  const label = dwelling.energyLabel;
  if (!label) return null;
  return {
    class: label.class,
    registrationDate: label.registrationDate,
    validUntil: label.validUntil,
  };
}

function compareCandidates(a: EfgCandidate, b: EfgCandidate): number {
  const text = (x: string | null | undefined, y: string | null | undefined) =>
    (x ?? '').localeCompare(y ?? '', 'nl', { numeric: true });
  return (
    text(a.complexnummer, b.complexnummer) ||
    text(a.address.postcode, b.address.postcode) ||
    (a.address.huisnummer ?? 0) - (b.address.huisnummer ?? 0) ||
    text(a.address.huisletter, b.address.huisletter) ||
    text(a.address.toevoeging, b.address.toevoeging) ||
    text(a.vheNummer, b.vheNummer)
  );
}

/** The Dutch calendar date of the opname (a planned one has a date, started/finished a moment). */
function opnameDay(inspection: InspectionRecord): string {
  const at = inspection.finishedAt ?? inspection.startedAt ?? inspection.plannedFor;
  return at === undefined ? '' : isoDateOf(at);
}

export class EfgRepository {
  constructor(private readonly context: StoreContext) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /** The EFG list on `today` ('YYYY-MM-DD'), ordered by complex and address. */
  list(today: string): Promise<EfgCandidate[]> {
    return this.context.run(() => this.read(today));
  }

  watch(today: string): Live<EfgCandidate[]> {
    return live(() => this.read(today));
  }

  /** The case of a dwelling, if the team started one. */
  getCase(dwellingId: string): Promise<EfgCase | undefined> {
    return this.context.run(async () => {
      const row = await this.db.efgCases.get(dwellingId);
      return row && !isTombstone(row) ? stripClocks(row) : undefined;
    });
  }

  /**
   * Moves a dwelling to the next workflow status. The first change creates its case, starting
   * as kandidaat; the new step and status go out with one outbox op in the same transaction.
   */
  changeStatus(dwellingId: string, change: EfgStatusChange): Promise<EfgCase> {
    const db = this.db;
    return this.context.write([db.efgCases, db.dwellings], async (scope) => {
      const dwelling = await db.dwellings.get(dwellingId);
      if (!dwelling) throw new NotFoundError('verblijfsobject', dwellingId);
      const row = await db.efgCases.get(dwellingId);
      const existing = row && !isTombstone(row) ? row : undefined;
      const from = existing?.status ?? 'kandidaat';
      const check = checkEfgTransition(from, change.to, change.actor.role, change.drop);
      if (!check.ok) throw new InvalidStateError(check.error);
      const note = change.note?.trim();
      const step: EfgCaseStep = {
        status: change.to,
        by: change.actor.userId,
        at: scope.at,
        ...(note && { note }),
      };
      const drop = change.to === 'afgevallen' ? change.drop : undefined;
      if (!existing) {
        const record = validate(EfgCaseSchema, {
          id: dwellingId,
          complexId: dwelling.complexId,
          status: change.to,
          history: [{ status: 'kandidaat', by: change.actor.userId, at: scope.at }, step],
          ...(drop && { drop }),
        });
        // A tombstoned row (never written by this app) is replaced, not merged.
        if (row) await db.efgCases.delete(dwellingId);
        return insertEntity(scope, db.efgCases, 'efgCase', record);
      }
      const fields: Partial<EfgCase> = {
        status: change.to,
        history: [...existing.history, step],
        ...(drop && { drop }),
      };
      validate(EfgCaseSchema, { ...stripClocks(existing), ...fields });
      return updateEntity(scope, db.efgCases, 'efgCase', existing, fields);
    });
  }

  /** The organisation's target as last fetched, or the policy default. */
  target(): Promise<EfgTarget> {
    return this.context.run(async () => {
      const row = await this.db.meta.get(EFG_TARGET_KEY);
      const parsed = EfgTargetSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : DEFAULT_EFG_TARGET;
    });
  }

  watchTarget(): Live<EfgTarget> {
    return live(async () => {
      const row = await this.db.meta.get(EFG_TARGET_KEY);
      const parsed = EfgTargetSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : DEFAULT_EFG_TARGET;
    });
  }

  /** Keeps the server's target so the progress panel shows it offline too. */
  rememberTarget(target: EfgTarget): Promise<void> {
    return this.context.run(async () => {
      const value = validate(EfgTargetSchema, target);
      await this.db.meta.put({ key: EFG_TARGET_KEY, value });
    });
  }

  private async read(today: string): Promise<EfgCandidate[]> {
    const db = this.db;
    const [dwellings, caseRows, complexes] = await Promise.all([
      db.dwellings.toArray(),
      db.efgCases.toArray(),
      db.complexes.toArray(),
    ]);
    const cases = new Map<string, EfgCase>();
    for (const row of caseRows) if (!isTombstone(row)) cases.set(row.id, stripClocks(row));
    const complexById = new Map<string, ComplexRow>(complexes.map((c) => [c.id, c]));

    const listed: EfgCandidate[] = [];
    for (const dwelling of dwellings) {
      const facts: EfgDwellingFacts = {
        dwellingId: dwelling.id,
        complexId: dwelling.complexId,
        label: currentLabelOf(dwelling),
        efgCase: cases.get(dwelling.id),
      };
      if (!isOnEfgList(facts)) continue;
      const complex = complexById.get(dwelling.complexId);
      listed.push({
        ...facts,
        complexnummer: complex?.complexnummer ?? '',
        complexName: complex?.name ?? '',
        pandId: dwelling.pandId,
        vheNummer: dwelling.vheNummer,
        address: {
          straat: dwelling.straat ?? null,
          postcode: dwelling.postcode,
          huisnummer: dwelling.huisnummer,
          huisletter: dwelling.huisletter,
          toevoeging: dwelling.toevoeging,
          woonplaats: dwelling.woonplaats,
        },
        status: currentStatus(facts),
        expired: isLabelExpired(facts.label, today),
        lastOpname: undefined,
        planned: undefined,
      });
    }
    await this.addOpnames(listed);
    return listed.sort(compareCandidates);
  }

  /** Fills in each candidate's newest energie-opname (with its measures) and planned one. */
  private async addOpnames(candidates: EfgCandidate[]): Promise<void> {
    const db = this.db;
    // An opname of the whole building counts for its dwellings that have none of their own.
    const keys: [string, string][] = [
      ...candidates.map((c): [string, string] => ['verblijfsobject', c.dwellingId]),
      ...[...new Set(candidates.map((c) => c.pandId))].map((id): [string, string] => ['pand', id]),
    ];
    const rows: InspectionRow[] = await db.inspections
      .where('[targetLevel+targetId]')
      .anyOf(keys)
      .toArray();
    const byTarget = new Map<string, InspectionRecord[]>();
    for (const row of rows) {
      const inspection = toInspectionView(row);
      if (!inspection || inspection.module !== 'energie-opname') continue;
      const key = `${inspection.targetLevel}/${inspection.targetId}`;
      const list = byTarget.get(key) ?? [];
      list.push(inspection);
      byTarget.set(key, list);
    }
    const measures = new Map<string, Promise<EnergyMeasureId[]>>();
    const measuresOf = (inspection: InspectionRecord) => {
      let found = measures.get(inspection.id);
      if (!found) {
        found = this.proposedMeasures(inspection);
        measures.set(inspection.id, found);
      }
      return found;
    };
    for (const candidate of candidates) {
      const own = byTarget.get(`verblijfsobject/${candidate.dwellingId}`) ?? [];
      const inspections = own.some((i) => i.status !== 'planned')
        ? own
        : [...own, ...(byTarget.get(`pand/${candidate.pandId}`) ?? [])];
      const planned = inspections
        .filter((i) => i.status === 'planned')
        .sort((a, b) => (a.plannedFor ?? '').localeCompare(b.plannedFor ?? ''))[0];
      if (planned)
        candidate.planned = {
          inspectionId: planned.id,
          plannedFor: planned.plannedFor ?? '',
          inspectorId: planned.inspectorId,
        };
      const rank = (i: InspectionRecord) => (i.status === 'finished' ? 1 : 0);
      const last = inspections
        .filter((i) => i.status === 'finished' || OPEN_OPNAME.includes(i.status))
        .sort((a, b) => rank(b) - rank(a) || opnameDay(b).localeCompare(opnameDay(a)))[0];
      if (last)
        candidate.lastOpname = {
          inspectionId: last.id,
          targetLevel: last.targetLevel === 'pand' ? 'pand' : 'verblijfsobject',
          status: last.status,
          day: opnameDay(last),
          proposedMeasures: await measuresOf(last),
        };
    }
  }

  private async proposedMeasures(inspection: InspectionRecord): Promise<EnergyMeasureId[]> {
    const template = getTemplate(inspection.module, inspection.templateVersion);
    if (!template) return [];
    const rows = await this.db.answers
      .where('[inspectionId+questionId]')
      .between(...answerRange(inspection.id))
      .toArray();
    const answers: Record<string, Answer> = {};
    for (const row of rows)
      if (!isTombstone(row))
        answers[row.questionId] = omit(stripClocks(row), 'inspectionId', 'answeredBy');
    const score = scoreInspection(template, answers, { inspectionDate: opnameDay(inspection) });
    return score.module === 'energie-opname' ? score.result.proposedMeasures : [];
  }
}

// Assembles the repositories over one database. The UI receives a SchouwStore and never sees a
// table; tests build one per test on a fresh fake IndexedDB.
import { ActionRepository } from './action-repository.ts';
import { AnswerRepository } from './answer-repository.ts';
import { BackupRepository } from './backup-repository.ts';
import { EfgRepository } from './efg-repository.ts';
import { currentUserId } from './current-user.ts';
import { ColleagueRepository } from './colleague-repository.ts';
import { RefusalRepository } from './refusal-repository.ts';
import { FindingRepository } from './finding-repository.ts';
import { InspectionRepository } from './inspection-repository.ts';
import { OutboxRepository } from './outbox-repository.ts';
import { PhotoRepository } from './photo-repository.ts';
import { PortfolioRepository } from './portfolio-repository.ts';
import { RoundScheduleRepository } from './round-schedule-repository.ts';
import { PortfolioInsightsRepository } from './portfolio-insights-repository.ts';
import { StoreContext, type StoreOptions } from './store-context.ts';
import { shippedTemplates, type TemplateCatalogue } from './template-catalogue.ts';

export interface CreateStoreOptions extends StoreOptions {
  /** Templates the inspections use; default: every version this app ships. */
  templates?: TemplateCatalogue;
}

export interface SchouwStore {
  readonly portfolio: PortfolioRepository;
  /** Portfolio view: indicative extra dwellings, woondeal counts, label distribution. */
  readonly portfolioInsights: PortfolioInsightsRepository;
  readonly inspections: InspectionRepository;
  readonly answers: AnswerRepository;
  readonly findings: FindingRepository;
  readonly actions: ActionRepository;
  readonly photos: PhotoRepository;
  readonly outbox: OutboxRepository;
  readonly backup: BackupRepository;
  readonly roundSchedules: RoundScheduleRepository;
  /** EFG workspace: the E/F/G dwellings with their cases, status workflow and target. */
  readonly efg: EfgRepository;
  /** The organisation's names as last fetched, so histories name colleagues offline. */
  readonly colleagues: ColleagueRepository;
  /** Ops the server refused, per record, until a later change to it is accepted. */
  readonly refusals: RefusalRepository;
  /** Opens the database (runs pending schema upgrades); other calls open it on demand too. */
  open(): Promise<void>;
  /** Closes the connection, e.g. before deleting the database in a test. */
  close(): void;
  /**
   * Deletes every local record: portfolio, work, photos, outbox and sync state, so nothing of
   * the previous user stays readable on a shared tablet. Callers first make sure the outbox is
   * empty or exported to a backup.
   */
  clearAll(): Promise<void>;
}

/** For tests in this folder: the store and the context behind it. */
export function createStoreWithContext(options: CreateStoreOptions = {}): {
  store: SchouwStore;
  context: StoreContext;
} {
  const context = new StoreContext(options);
  const templates = options.templates ?? shippedTemplates;
  const answers = new AnswerRepository(context, templates);
  const store: SchouwStore = {
    portfolio: new PortfolioRepository(context),
    portfolioInsights: new PortfolioInsightsRepository(context),
    inspections: new InspectionRepository(context, templates),
    answers,
    findings: new FindingRepository(context),
    actions: new ActionRepository(context),
    photos: new PhotoRepository(context, answers),
    outbox: new OutboxRepository(context),
    backup: new BackupRepository(context),
    roundSchedules: new RoundScheduleRepository(context),
    efg: new EfgRepository(context),
    colleagues: new ColleagueRepository(context),
    refusals: new RefusalRepository(context),
    open: async () => {
      await context.db.open();
    },
    close: () => context.db.close(),
    clearAll: async () => {
      const db = context.db;
      await db.transaction('rw', db.tables, async () => {
        await Promise.all(db.tables.map((table) => table.clear()));
      });
    },
  };
  return { store, context };
}

export function createStore(options: CreateStoreOptions = {}): SchouwStore {
  return createStoreWithContext(options).store;
}

let appStore: { store: SchouwStore; context: StoreContext } | undefined;

/**
 * The app's store knows who is signed in through current-user.ts (set by the session wiring):
 * histories record `by`, new inspections get their inspector, "Mijn planning" shows only one's own.
 */
function createAppStore() {
  return createStoreWithContext({ currentUser: currentUserId });
}

/** The store of the running app (one per page), created on first use. */
export function getAppStore(): SchouwStore {
  appStore ??= createAppStore();
  return appStore.store;
}

/** The context behind the app's store, for the sync store (sync-store.ts). */
export function getAppStoreContext(): StoreContext {
  appStore ??= createAppStore();
  return appStore.context;
}

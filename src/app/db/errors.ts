// Errors the store raises on purpose. Messages are Dutch (they reach inspectors); `code` is
// stable so the UI can choose its own wording from the message catalogue.

export type StoreErrorCode =
  'storage-full' | 'not-found' | 'inspection-closed' | 'invalid-input' | 'invalid-state';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The device refused to store more; everything saved before is still there. */
export class StorageFullError extends StoreError {
  constructor(options?: { cause?: unknown; neededBytes?: number }) {
    super(
      'storage-full',
      'De opslag op dit apparaat is vol. Wat al is opgeslagen blijft bewaard; synchroniseer, ' +
        'maak een back-up of maak ruimte vrij en probeer het daarna opnieuw.',
      options,
    );
    this.name = 'StorageFullError';
    this.neededBytes = options?.neededBytes;
  }

  readonly neededBytes: number | undefined;
}

const entityNames = {
  complex: 'Het complex',
  pand: 'Het pand',
  verblijfsobject: 'Het verblijfsobject',
  inspection: 'De inspectie',
  answer: 'Het antwoord',
  finding: 'De bevinding',
  action: 'De actie',
  photo: 'De foto',
} as const;

export class NotFoundError extends StoreError {
  constructor(
    readonly entity: keyof typeof entityNames,
    readonly id: string,
  ) {
    super('not-found', `${entityNames[entity]} (${id}) staat niet op dit apparaat.`);
    // Not 'NotFoundError': Dexie rewraps errors named like IndexedDB's DOMExceptions.
    this.name = 'StoreNotFoundError';
  }
}

/** Answers of a finished inspection change only after it is reopened for correction. */
export class InspectionClosedError extends StoreError {
  constructor(readonly inspectionId: string) {
    super(
      'inspection-closed',
      'Deze inspectie is afgerond. Heropen haar voor een correctie om iets te wijzigen.',
    );
    this.name = 'InspectionClosedError';
  }
}

export class InvalidInputError extends StoreError {
  constructor(message: string) {
    super('invalid-input', message);
    this.name = 'InvalidInputError';
  }
}

export class InvalidStateError extends StoreError {
  constructor(message: string) {
    super('invalid-state', message);
    this.name = 'InvalidStoreStateError';
  }
}

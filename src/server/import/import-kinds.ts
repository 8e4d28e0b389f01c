import { bagWork } from './bag.ts';
import { epOnlineWork } from './ep-online.ts';
import type { ColumnMapping } from './portfolio.ts';
import { portfolioWork } from './portfolio.ts';
import type { ImportKind } from './report.ts';
import type { ImportWork } from './runs.ts';

// The one switch from an import kind to its importer, shared by the command line and the API.

export const IMPORT_KINDS = [
  'portfolio',
  'ep-online',
  'bag',
] as const satisfies readonly ImportKind[];

export interface ImportFileOptions {
  organisationId: string;
  /** Portfolio only: our field -> the file's header. */
  mapping?: ColumnMapping;
  onProgress?: (rowsRead: number) => void;
}

export function importWork(kind: ImportKind, file: string, options: ImportFileOptions): ImportWork {
  switch (kind) {
    case 'portfolio':
      return portfolioWork(file, options);
    case 'ep-online':
      return epOnlineWork(file, options);
    case 'bag':
      return bagWork(file, options);
  }
}

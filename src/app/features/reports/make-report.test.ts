import { describe, expect, it } from 'vitest';
import { reportFileName } from './make-report.ts';
import type { ReportModel } from './report-model.ts';

const model = (title: string, subtitle: string): ReportModel => ({
  title,
  subtitle,
  footer: '',
  pageNumber: '',
  language: 'nl-NL',
  createdAt: new Date(0),
  blocks: [],
});

describe('reportFileName', () => {
  it('makes a plain, dated file name from the title and subject', () => {
    expect(
      reportFileName(
        model('Inspectierapport Zorggeschiktheid', 'Woning Botersloot 100A-2, 3011 HE Rotterdam'),
        new Date(2026, 10, 22, 9, 30),
      ),
    ).toBe(
      'inspectierapport-zorggeschiktheid-woning-botersloot-100a-2-3011-he-rotterdam-2026-11-22.pdf',
    );
  });

  it('drops accents and symbols and never returns an empty name', () => {
    const now = new Date(2026, 0, 5);
    expect(reportFileName(model('Complexrapport C-1002 Café ’t Hoëk', '€ · ²'), now)).toBe(
      'complexrapport-c-1002-cafe-t-hoek-2026-01-05.pdf',
    );
    expect(reportFileName(model('€', '·'), now)).toBe('rapport-2026-01-05.pdf');
  });
});

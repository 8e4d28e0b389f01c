import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../state/session.ts';
import { colleagueDirectory } from '../users/colleague-names.ts';
import { moduleIds, moduleTargetLevels } from '../../../shared/domain/module.ts';
import type { AnswerValue } from '../../../shared/domain/templates/answer.ts';
import { latestTemplate } from '../../../shared/domain/templates/registry.ts';
import {
  findQuestion,
  templateQuestions,
  type Question,
} from '../../../shared/domain/templates/template-schema.ts';
import { readPdf } from '../../../../test/support/read-pdf.ts';
import { reportFonts } from '../../../../test/support/report-fonts.ts';
import { testJpeg } from '../../../../test/unit/reports/block-jpeg.ts';
import {
  questionOfType,
  smallPortfolio,
  testStore,
} from '../../../../test/unit/db/store-fixtures.ts';
import type { SchouwStore } from '../../db/index.ts';
import {
  buildComplexReport,
  buildInspectionReport,
  ReportSubjectMissingError,
  type ReportProgress,
} from './build-report.ts';
import { renderReportPdf } from './render-pdf.ts';
import { reportPhotos, type ReportBlock, type ReportModel } from './report-model.ts';

const NOW = new Date('2025-03-01T10:00:00Z');

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/** Everything written in a model, one string, to search in. */
function modelText(model: ReportModel): string {
  const text = (block: ReportBlock): string[] => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return [block.text];
      case 'facts':
        return block.rows.flatMap((row) => [row.label, row.value]);
      case 'list':
        return [...block.items];
      case 'photos':
        return block.photos.flatMap((photo) => [photo.caption, photo.missingNote ?? '']);
      case 'page-break':
        return [];
    }
  };
  return [model.title, model.subtitle, ...model.blocks.flatMap(text)].join('\n');
}

/**
 * A zorggeschiktheid inspection of the first dwelling with answers, an answer photo, a finding
 * with NEN 2767 rating, action and two photos (JPEG with a drawing, WebP), finished.
 */
async function recordedInspection(store: SchouwStore) {
  const portfolio = smallPortfolio();
  await store.portfolio.importPortfolio(portfolio);
  const complex = portfolio.complexes[0]!;
  const dwelling = complex.panden[0]!.verblijfsobjecten[0]!;
  const inspection = await store.inspections.start({
    module: 'zorggeschiktheid',
    targetLevel: 'verblijfsobject',
    targetId: dwelling.id,
    position: { lat: 51.9225, lon: 4.47917, accuracyM: 12 },
  });
  const remark = questionOfType('zorggeschiktheid', 'text');
  await store.answers.saveAnswer(inspection.id, 'deurbreedte', {
    type: 'measurement',
    value: 0.9,
    unit: 'm',
  });
  await store.answers.saveAnswer(inspection.id, 'steunbeugels', { type: 'ja-nee', value: 'nee' });
  await store.answers.saveAnswer(inspection.id, remark, {
    type: 'text',
    value: 'Bewoner’s wens: douchestoel – geïsoleerde vloer, € 85 per m²',
  });
  const answerPhoto = await store.photos.addPhoto(
    { data: arrayBufferOf(testJpeg(1)), mimeType: 'image/jpeg', width: 64, height: 48 },
    { inspectionId: inspection.id, questionId: 'steunbeugels' },
  );
  const { finding, action } = await store.findings.createWithAction(
    inspection.id,
    {
      location: 'Voordeur',
      description: 'Drempel van 4 cm bij de voordeur',
      severity: 'ernstig',
      nen2767: { ernst: 'serieus', intensiteit: 2, omvang: 3 },
    },
    { what: 'Drempelhulp plaatsen', ownerRole: 'inspecteur', dueDate: '2025-03-31' },
  );
  const jpeg = testJpeg(2);
  const findingPhoto = await store.photos.addPhoto(
    { data: arrayBufferOf(jpeg), mimeType: 'image/jpeg', width: 64, height: 48 },
    { inspectionId: inspection.id, findingId: finding.id },
  );
  await store.photos.saveAnnotation(
    { inspectionId: inspection.id, findingId: finding.id },
    findingPhoto.hash,
    {
      version: 1,
      shapes: [{ kind: 'arrow', from: [0.1, 0.1], to: [0.6, 0.6], color: '#e4002b' }],
    },
  );
  const webp = await store.photos.addPhoto(
    {
      data: arrayBufferOf(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4])),
      mimeType: 'image/webp',
      width: 64,
      height: 48,
    },
    { inspectionId: inspection.id, findingId: finding.id },
  );
  await store.inspections.finish(inspection.id);
  return {
    portfolio,
    complex,
    dwelling,
    inspection,
    remark,
    finding,
    action,
    jpeg,
    answerPhoto,
    findingPhoto,
    webp,
  };
}

describe('buildInspectionReport', () => {
  it('gathers the answers, explained score, findings with photo bytes and actions of an inspection', async () => {
    const { store } = testStore();
    const recorded = await recordedInspection(store);
    const progress: ReportProgress[] = [];

    const model = await buildInspectionReport(store, recorded.inspection.id, {
      now: NOW,
      onProgress: (step) => progress.push(step),
    });

    const text = modelText(model);
    expect(model.title).toBe('Inspectierapport Zorggeschiktheid');
    expect(model.subtitle).toContain(recorded.dwelling.postcode!);
    expect(model.pageNumber).toBe('pagina {page} van {pages}');
    expect(model.language).toBe('nl-NL');
    // Facts and answers with their labels, units and Dutch number format.
    expect(text).toContain(`${recorded.complex.complexnummer} ${recorded.complex.name}`);
    expect(text).toContain('Afgerond');
    expect(text).toContain('51.922500, 4.479170 (± 12 m)');
    const template = latestTemplate('zorggeschiktheid');
    const answers = model.blocks.flatMap((block) => (block.kind === 'facts' ? block.rows : []));
    expect(answers).toContainEqual({
      label: findQuestion(template, 'deurbreedte')!.label.nl,
      value: '0,9 m',
    });
    expect(answers).toContainEqual({
      label: findQuestion(template, 'steunbeugels')!.label.nl,
      value: 'nee',
    });
    expect(text).toContain('Bewoner’s wens: douchestoel – geïsoleerde vloer, € 85 per m²');
    // The explained score: headline, traffic light, each rule with its source.
    expect(text).toContain('Uitkomst');
    expect(text).toMatch(/Stoplicht: (Groen|Oranje|Rood|Nog niet te beoordelen)/);
    expect(text).toContain('Uitleg per regel');
    expect(text).toContain('Bron:');
    // The finding with its NEN 2767 rating and the action.
    expect(text).toContain('1. Hoog · Voordeur');
    expect(text).toContain('Drempel van 4 cm bij de voordeur');
    expect(text).toContain('Conditiescore 3 · redelijk');
    expect(text).toContain('2 · gevorderd stadium');
    expect(text).toContain('Drempelhulp plaatsen');
    expect(text).toMatch(/uiterlijk 31 mrt\.? 2025/);

    const photos = reportPhotos(model);
    expect(photos.map((photo) => photo.hash)).toEqual([
      recorded.answerPhoto.hash,
      recorded.findingPhoto.hash,
      recorded.webp.hash,
    ]);
    expect(photos[1]!.image).toEqual({ data: recorded.jpeg, mimeType: 'image/jpeg' });
    expect(photos[1]!.annotation?.shapes).toHaveLength(1);
    expect(photos[1]!.caption).toBe('Bevinding 1: Voordeur');
    // No converter given: the WebP photo is named, not silently dropped.
    expect(photos[2]!.image).toBeUndefined();
    expect(photos[2]!.missingNote).toContain('image/webp');
    expect(progress[0]).toEqual({ step: 'collect' });
    expect(progress.at(-1)).toEqual({ step: 'photos', done: 3, total: 3 });
  });

  it('uses the converter for photos the PDF cannot hold', async () => {
    const { store } = testStore();
    const recorded = await recordedInspection(store);
    const converted = testJpeg(9);
    const convertImage = vi.fn(async () => ({ data: converted, mimeType: 'image/jpeg' as const }));

    const model = await buildInspectionReport(store, recorded.inspection.id, { convertImage });

    expect(convertImage).toHaveBeenCalledTimes(1);
    expect(convertImage.mock.calls[0]).toEqual([expect.any(ArrayBuffer), 'image/webp']);
    expect(reportPhotos(model)[2]!.image?.data).toBe(converted);
  });

  it('shows each photo with the drawing and caption of its own use, however often the image is used', async () => {
    const { store } = testStore();
    const portfolio = smallPortfolio();
    await store.portfolio.importPortfolio(portfolio);
    const dwellings = portfolio.complexes[0]!.panden[0]!.verblijfsobjecten;
    const start = (index: number) =>
      store.inspections.start({
        module: 'zorggeschiktheid',
        targetLevel: 'verblijfsobject',
        targetId: dwellings[index]!.id,
      });
    const [drawn, plain] = [await start(0), await start(1)];
    const image = {
      data: arrayBufferOf(testJpeg(3)),
      mimeType: 'image/jpeg' as const,
      width: 64,
      height: 48,
    };
    const use = async (inspectionId: string, location: string) => {
      const finding = await store.findings.create(inspectionId, {
        location,
        description: 'Drempel',
        severity: 'gering',
      });
      const owner = { inspectionId, findingId: finding.id };
      return { owner, hash: (await store.photos.addPhoto(image, owner)).hash };
    };
    const a = await use(drawn.id, 'Voordeur');
    const b = await use(plain.id, 'Achterdeur');
    expect(b.hash).toBe(a.hash);
    const arrow = {
      version: 1 as const,
      shapes: [
        {
          kind: 'arrow' as const,
          from: [0.1, 0.1] as [number, number],
          to: [0.6, 0.6] as [number, number],
          color: '#e4002b',
        },
      ],
    };
    await store.photos.saveAnnotation(a.owner, a.hash, arrow);
    await store.photos.saveCaption(b.owner, b.hash, 'Drempel van 4 cm');

    const [photoA] = reportPhotos(await buildInspectionReport(store, drawn.id));
    const [photoB] = reportPhotos(await buildInspectionReport(store, plain.id));
    expect(photoA?.annotation).toEqual(arrow);
    expect(photoA?.caption).not.toContain('Drempel van 4 cm');
    expect(photoB?.annotation).toBeUndefined();
    expect(photoB?.caption).toMatch(/Achterdeur.*: Drempel van 4 cm$/);
    expect(photoB?.image?.data).toEqual(photoA?.image?.data);
  });

  it('refuses an inspection that is not on this device', async () => {
    const { store } = testStore();
    await expect(
      buildInspectionReport(store, '0190b7a2-0000-7000-8000-000000000000'),
    ).rejects.toThrow(ReportSubjectMissingError);
  });
});

describe('names, organisation and closing photos in a report', () => {
  afterEach(() => {
    session.value = null;
    colleagueDirectory.value = undefined;
  });

  it('names the inspector, the organisation and each action step’s author, with the closing photo', async () => {
    session.value = {
      token: 'A'.repeat(43),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: {
        id: 'u-ingrid',
        displayName: 'Ingrid Jansen',
        email: 'ingrid@woonstad.nl',
        role: 'inspecteur',
        organisationId: 'org-1',
        organisationName: 'Woonstichting Łódź',
        organisationSlug: 'woonstad',
      },
    };
    colleagueDirectory.value = {
      organisationId: 'org-1',
      users: [{ id: 'u-vera', displayName: 'Vera Veilig', role: 'veiligheid' }],
    };
    const { store } = testStore({ currentUser: () => 'u-ingrid' });
    const recorded = await recordedInspection(store);
    const closing = await store.photos.addPhoto(
      { data: arrayBufferOf(testJpeg(9)), mimeType: 'image/jpeg', width: 64, height: 48 },
      { inspectionId: recorded.inspection.id, actionId: recorded.action.id },
    );
    await store.actions.transition(
      recorded.action.id,
      'afgerond',
      { userId: 'u-vera', role: 'veiligheid' },
      'Drempelhulp geplaatst',
      [closing.hash],
    );

    const model = await buildInspectionReport(store, recorded.inspection.id, { now: NOW });
    const text = modelText(model);
    expect(model.footer).toContain('Woonstichting Łódź');
    expect(text).toMatch(/Organisatie\nWoonstichting Łódź/);
    expect(text).toMatch(/Inspecteur\nIngrid Jansen/);
    expect(text).toContain('Open door Ingrid Jansen op');
    expect(text).toContain('Afgerond door Vera Veilig op');
    expect(text).toContain('Drempelhulp geplaatst');
    expect(text).not.toContain('een collega');
    const closingPhoto = reportPhotos(model).find((photo) => photo.hash === closing.hash);
    expect(closingPhoto?.caption).toBe('Actie 1: Drempelhulp plaatsen (Afgerond)');
    expect(closingPhoto?.image).toBeDefined();
  });
});

describe('buildComplexReport', () => {
  it(
    'summarises the complex and includes each started inspection with its photos',
    { timeout: 30_000 },
    async () => {
      const { store, clock } = testStore();
      const recorded = await recordedInspection(store);
      clock.advance(60_000);
      const pand = recorded.complex.panden[1]!;
      const second = await store.inspections.start({
        module: 'optoppen-scan',
        targetLevel: 'pand',
        targetId: pand.id,
      });
      await store.findings.create(second.id, {
        location: 'Dak',
        description: 'Dakbedekking verweerd',
        severity: 'gering',
      });
      await store.inspections.plan({
        module: 'zorggeschiktheid',
        targetLevel: 'verblijfsobject',
        targetId: pand.verblijfsobjecten[0]!.id,
        plannedFor: '2025-04-01',
      });

      const model = await buildComplexReport(store, recorded.complex.id, { now: NOW });

      const text = modelText(model);
      expect(model.title).toBe(
        `Complexrapport ${recorded.complex.complexnummer} ${recorded.complex.name}`,
      );
      expect(text).toContain('Panden en woningen');
      for (const dwelling of recorded.complex.panden.flatMap((item) => item.verblijfsobjecten))
        expect(text).toContain(`${dwelling.postcode}`);
      // Open actions of the complex and all three inspections listed; the planned one has no section.
      expect(text).toContain('Drempelhulp plaatsen');
      expect(text).toContain('Gepland');
      const sections = model.blocks.filter(
        (block) => block.kind === 'heading' && block.level === 1,
      );
      expect(sections.map((block) => (block.kind === 'heading' ? block.text : ''))).toEqual([
        expect.stringContaining('Zorggeschiktheid'),
        expect.stringContaining('Optoppen'),
      ]);
      expect(text).toContain('Dakbedekking verweerd');
      expect(model.blocks.filter((block) => block.kind === 'page-break')).toHaveLength(2);
      expect(reportPhotos(model)).toHaveLength(3);

      // Rendered and read back: the photos with bytes are all in the PDF.
      const pdf = await readPdf(await renderReportPdf(model, reportFonts()));
      expect(pdf.images.reduce((sum, count) => sum + count, 0)).toBe(2);
      expect(pdf.text.join(' ')).toContain('Dakbedekking verweerd');
      expect(pdf.text.at(-1)).toContain(`pagina ${pdf.pages} van ${pdf.pages}`);
    },
  );

  it('marks an expired energy label "verlopen sinds" in the dwelling lines', async () => {
    const { store } = testStore();
    const portfolio = smallPortfolio();
    const complex = portfolio.complexes[0]!;
    const dwellings = complex.panden.flatMap((pand) => pand.verblijfsobjecten);
    dwellings[0]!.energyLabel = {
      class: 'C',
      registrationDate: '2016-07-27',
      recordingDate: null,
      validUntil: '2026-07-27',
      ep2: null,
      energyIndex: null,
      source: 'ep-online',
    };
    await store.portfolio.importPortfolio(portfolio);
    const first = dwellings[0]!;
    const lineOf = (model: ReportModel) =>
      modelText(model)
        .split('\n')
        .find((line) => line.startsWith(`${first.straat} ${first.huisnummer},`));
    const december = await buildComplexReport(store, complex.id, {
      now: new Date('2026-12-08T09:00:00Z'),
    });
    expect(lineOf(december)).toMatch(/label C \(verlopen sinds 28 jul\.? 2026\)$/);
    const july = await buildComplexReport(store, complex.id, {
      now: new Date('2026-07-27T09:00:00Z'),
    });
    expect(lineOf(july)).toMatch(/label C$/);
  });

  it('refuses a complex that is not on this device', async () => {
    const { store } = testStore();
    await expect(buildComplexReport(store, 'geen-complex')).rejects.toThrow(
      ReportSubjectMissingError,
    );
  });
});

describe('reports for every module', () => {
  // Six reports rendered and parsed back: more than the default 5 s on a busy machine.
  it(
    'builds and renders a report of each checklist with every question answered',
    { timeout: 60_000 },
    async () => {
      const { store } = testStore();
      const portfolio = smallPortfolio();
      await store.portfolio.importPortfolio(portfolio);
      const complex = portfolio.complexes[0]!;
      const targets = {
        complex: complex.id,
        pand: complex.panden[0]!.id,
        verblijfsobject: complex.panden[0]!.verblijfsobjecten[0]!.id,
      };
      for (const module of moduleIds) {
        const level = moduleTargetLevels[module][0]!;
        const inspection = await store.inspections.start({
          module,
          targetLevel: level,
          targetId: targets[level],
        });
        const template = latestTemplate(module);
        for (const question of templateQuestions(template)) {
          const value = sampleAnswer(question);
          if (value) await store.answers.saveAnswer(inspection.id, question.id, value);
        }

        const model = await buildInspectionReport(store, inspection.id, { now: NOW });
        const pdf = await readPdf(await renderReportPdf(model, reportFonts()));

        const text = pdf.text.join(' ');
        expect(text).toContain(model.title);
        expect(text).toContain('Uitleg per regel');
        expect(pdf.text.at(-1)).toContain(`pagina ${pdf.pages} van ${pdf.pages}`);
      }
    },
  );
});

/** A plausible answer of the question's type (photo questions are left out). */
function sampleAnswer(question: Question): AnswerValue | undefined {
  switch (question.type) {
    case 'ja-nee':
      return { type: 'ja-nee', value: 'ja' };
    case 'single-choice':
      return { type: 'single-choice', value: question.options[0]!.id };
    case 'multi-choice':
      return { type: 'multi-choice', value: [question.options[0]!.id] };
    case 'number':
      return { type: 'number', value: Math.round((question.min + question.max) / 2) };
    case 'measurement':
      return { type: 'measurement', value: (question.min + question.max) / 2, unit: question.unit };
    case 'date':
      return { type: 'date', value: '2025-02-01' };
    case 'text':
      return { type: 'text', value: 'Géén bijzonderheden – “prima”' };
    case 'photo':
      return undefined;
  }
}

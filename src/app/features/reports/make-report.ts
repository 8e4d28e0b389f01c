// What the "Rapport (PDF)" button runs, loaded on demand (it pulls in pdf-lib): gather the report
// from the local store, lay it out as PDF and offer it as a download. No network involved, so it
// works offline.
import { getAppStore, type SchouwStore } from '../../db/index.ts';
import { downloadFile } from '../../platform/download.ts';
import {
  fetchOrganisationProfile,
  keptOrganisationProfile,
} from '../../platform/organisation-profile.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, session } from '../../state/session.ts';
import { locale } from '../../i18n/i18n.ts';
import { loadTemplateCatalogue, todayIso } from '../common/format.ts';
import { buildComplexReport, buildInspectionReport, type ReportProgress } from './build-report.ts';
import { convertToJpeg } from './convert-image.ts';
import { renderReportPdf } from './render-pdf.ts';
import { loadReportFonts } from './report-fonts.ts';
import type { ReportModel } from './report-model.ts';

export type ReportRequest =
  { kind: 'inspection'; inspectionId: string } | { kind: 'complex'; complexId: string };

export type ReportStatus =
  | ReportProgress
  /** Photos placed in the PDF: done of total. */
  | { step: 'render'; done: number; total: number }
  | { step: 'save' };

/** "inspectierapport-zorggeschiktheid-woning-botersloot-100a-2-2026-11-22.pdf" */
export function reportFileName(model: ReportModel, now = new Date()): string {
  const slug = `${model.title} ${model.subtitle}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return `${slug || 'rapport'}-${todayIso(now)}.pdf`;
}

/**
 * The PDF and its file name. Apart from makeReport so the model (holding every photo's bytes) is
 * garbage before the download copies the PDF into a Blob; the benchmark calls it too.
 */
export async function renderRequest(
  store: SchouwStore,
  request: ReportRequest,
  onStatus: (status: ReportStatus) => void,
  organisation?: ReportModel['organisation'],
): Promise<{ pdf: Uint8Array; name: string }> {
  // English checklist texts are a lazy chunk: load it first so the report is not half Dutch.
  if (locale.value === 'en') await loadTemplateCatalogue();
  const options = { onProgress: onStatus, convertImage: convertToJpeg };
  const model =
    request.kind === 'inspection'
      ? await buildInspectionReport(store, request.inspectionId, options)
      : await buildComplexReport(store, request.complexId, options);
  if (organisation) model.organisation = organisation;
  const pdf = await renderReportPdf(model, await loadReportFonts(), {
    onProgress: (done, total) => onStatus({ step: 'render', done, total }),
    onSaving: () => onStatus({ step: 'save' }),
  });
  return { pdf, name: reportFileName(model) };
}

/**
 * The name and logo the beheerder set, as kept on this device (fresh from the server when it
 * answers within 3 s, so a weak signal never holds up a report); offline without a kept copy,
 * the organisation's name from the session.
 */
async function reportOrganisation(): Promise<ReportModel['organisation']> {
  const user = session.value?.user;
  if (!user) return undefined;
  const token = authToken();
  const fresh =
    token !== undefined && online.value
      ? await fetchOrganisationProfile(token, { timeoutMs: 3000 })
      : undefined;
  const profile =
    fresh?.ok === true ? fresh.value : await keptOrganisationProfile(user.organisationId);
  if (!profile) return { name: user.organisationName };
  const logo = profile.logo;
  return logo
    ? {
        name: profile.name,
        logo: {
          mimeType: logo.mediaType,
          data: Uint8Array.from(atob(logo.base64), (char) => char.charCodeAt(0)),
        },
      }
    : { name: profile.name };
}

/** Makes the report and starts the download; resolves with the file name. */
export async function makeReport(
  request: ReportRequest,
  onStatus: (status: ReportStatus) => void,
): Promise<string> {
  const { pdf, name } = await renderRequest(
    getAppStore(),
    request,
    onStatus,
    await reportOrganisation(),
  );
  // pdf-lib returns bytes over a plain ArrayBuffer.
  downloadFile(name, 'application/pdf', pdf as Uint8Array<ArrayBuffer>);
  return name;
}

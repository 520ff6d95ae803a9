/**
 * One builder per document type: `documentFits` says whether the case can have that document
 * (and why not, in Chinese), `buildDocument` makes its model.
 */
import { AppError } from '../../../common/errors';
import type { DocumentInput } from '../input';
import { paginateSignatures } from '../signature-pages';
import { DOCUMENT_TYPES, isDocumentType, type DocModel, type DocumentType } from '../model';
import { buildAgreement, fitsAgreement } from './agreement';
import { buildApplication, fitsApplication } from './application';
import { buildCaseFile, buildFileCover, caseDocuments, fitsFileCover } from './case-file';
import { buildCourtResultReport, fitsCourtResultReport } from './court-result-report';
import { buildTerminationNotice, fitsTerminationNotice } from './termination-notice';
import { buildConfirmationApplication, fitsConfirmationApplication } from './confirmation-application';
import { buildFollowupRecord, fitsFollowupRecord } from './followup-record';
import { buildInvestigationRecord, fitsInvestigationRecord } from './investigation-record';
import { buildIntakeForm, fitsIntakeForm } from './intake-form';
import { buildRightsNotice, fitsRightsNotice } from './rights-notice';
import { buildSessionRecord, fitsSessionRecord } from './session-record';
import { buildUndisputedFacts, fitsUndisputedFacts } from './undisputed-facts';

export { DOCUMENT_TYPES, DOCUMENT_TYPE_CODES, type DocumentType } from '../model';

interface Builder {
  fits: (input: DocumentInput) => string | null;
  build: (input: DocumentInput) => DocModel;
}

const BUILDERS: Readonly<Record<DocumentType, Builder>> = {
  application: { fits: fitsApplication, build: buildApplication },
  'intake-form': { fits: fitsIntakeForm, build: buildIntakeForm },
  'rights-notice': { fits: fitsRightsNotice, build: buildRightsNotice },
  'investigation-record': { fits: fitsInvestigationRecord, build: buildInvestigationRecord },
  'session-record': { fits: fitsSessionRecord, build: buildSessionRecord },
  agreement: { fits: fitsAgreement, build: buildAgreement },
  'undisputed-facts': { fits: fitsUndisputedFacts, build: buildUndisputedFacts },
  'confirmation-application': { fits: fitsConfirmationApplication, build: buildConfirmationApplication },
  'followup-record': { fits: fitsFollowupRecord, build: buildFollowupRecord },
  'termination-notice': { fits: fitsTerminationNotice, build: buildTerminationNotice },
  'court-result-report': { fits: fitsCourtResultReport, build: buildCourtResultReport },
  // The cover and the whole file hold the case's other documents: built from BUILDERS at call time.
  'file-cover': { fits: fitsFileCover, build: (i) => buildFileCover(i, documentsOf(i)) },
  'case-file': { fits: fitsFileCover, build: (i) => buildCaseFile(i, documentsOf(i)) },
};

/** The documents of the case file, each one fitting the case, in binding order. */
function documentsOf(input: DocumentInput): DocModel[] {
  return caseDocuments(
    input,
    (t, i) => BUILDERS[t].fits(i) === null,
    (t, i) => paginateSignatures(BUILDERS[t].build(i)),
  );
}

export type Fit = { ok: true } | { ok: false; reason: string };

export function documentFits(type: DocumentType, input: DocumentInput): Fit {
  if (!isDocumentType(type)) return { ok: false, reason: `未知的文书类型：${String(type)}` };
  const reason = BUILDERS[type].fits(input);
  return reason === null ? { ok: true } : { ok: false, reason };
}

/** Throws REFUSED (with documentFits' reason) rather than print a legal document with parts missing. */
export function buildDocument(type: DocumentType, input: DocumentInput): DocModel {
  const fit = documentFits(type, input);
  if (!fit.ok) throw new AppError('REFUSED', `不能制作${isDocumentType(type) ? DOCUMENT_TYPES[type] : '该文书'}：${fit.reason}`);
  // A long signature block goes on pages of its own, each headed （此页无正文）.
  return paginateSignatures(BUILDERS[type].build(input));
}

import type { documentsOps } from '../../common/api/documents';
import {
  documentDocx,
  documentHtml,
  documentOptions,
  generateDocument,
  listDocuments,
  markPrinted,
  markSigned,
  previewDocument,
} from '../../services/documents/register';
import type { Handlers } from '../handler';

/** The document register: what a case can have, preview, generate (or reuse), print, signed copy. */
export const documentsHandlers: Handlers<typeof documentsOps> = {
  'documents.types': (input, { app }) => documentOptions(app.ctx, input.caseId),
  'documents.preview': (input, { app }) => previewDocument(app.ctx, input.caseId, input.type, input.subjectId),
  'documents.generate': (input, { app, actor }) => generateDocument(app.ctx, actor, input.caseId, input.type, input.subjectId),
  'documents.list': (input, { app }) => listDocuments(app.ctx, input.caseId),
  'documents.html': (input, { app }) => {
    const { html, title } = documentHtml(app.ctx, input.id);
    return { html, title };
  },
  'documents.docx': (input, { app }) => {
    const { buffer, fileName } = documentDocx(app.ctx, input.id);
    return { base64: buffer.toString('base64'), fileName };
  },
  'documents.markPrinted': (input, { app, actor }) => markPrinted(app.ctx, actor, input.id),
  'documents.markSigned': (input, { app, actor }) => markSigned(app.ctx, actor, input.id, input.received),
};

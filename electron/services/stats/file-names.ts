/** Names and types of the exported files: kept apart from the renderers, which load only when used. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A title as part of a file name on every desktop OS: no path separators, reserved characters or spaces. */
export const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

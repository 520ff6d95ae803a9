/**
 * Turning whatever a call threw into words for people, and server field errors into form errors.
 */
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** The Chinese message to show for an error of any kind (never a stack trace). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作未完成，请重试；如仍不成功，请联系管理员。';
}

export const isApiError = (error: unknown, code?: ApiError['code']): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** Server field path → form field name: a table of paths, or a function where whole groups move (every party's fields). */
export type FieldRename = Record<string, string> | ((path: string) => string);

/**
 * Put an ApiError's field messages on the form. The server names fields by their zod path joined
 * with '.', e.g. 'centre.centreCode'; a form that nests its values the same way maps one-to-one.
 * `rename` maps a server path to a different form name where the form is shaped otherwise.
 * Returns true when at least one field got a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: FieldRename = {}): boolean {
  if (!(error instanceof ApiError) || !error.fields) return false;
  const to = typeof rename === 'function' ? rename : (path: string) => rename[path] ?? path;
  const fields = Object.entries(error.fields)
    .filter(([path]) => path !== '_')
    .map(([path, msg]) => ({
      name: to(path)
        .split('.')
        .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)),
      errors: [msg],
    }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

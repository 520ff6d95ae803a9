/**
 * What the contract refuses in a value, as one message per field path ('name', 'parties.0.idNumber'):
 * the forms ask the operation's own zod schema instead of restating its rules, so a form refuses
 * exactly what the server would, in the server's words.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export function schemaErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  const errors: FieldErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message; // the first refusal of a field is the one to fix first
  }
  return errors;
}

/**
 * What text may hold, once for every boundary (the API contract, documents, reports).
 *
 * Controls and direction overrides are invisible but not harmless: a NUL cuts a string short in
 * some readers, and a right-to-left override (U+202E) makes a printed name read backwards. Typed or
 * pasted text never needs them, so they are removed rather than refused: pasting from Word or a web
 * page must not fail on a stray character the user cannot see. Tab, line feed and carriage return stay
 * (multi-line fields keep their lines).
 */

/**
 * C0 controls but tab/LF/CR, DEL and the C1 controls; the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) and the invisible direction marks (U+200E, U+200F, U+061C);
 * the non-characters U+FFFE/U+FFFF; lone surrogate halves (not text at all).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this rule is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters above. */
export const stripUnsafeChars = (s: string): string => s.replace(UNSAFE, '');

export const hasUnsafeChars = (s: string): boolean => {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
};

/**
 * Every string inside a JSON-like value (API input), cleaned; other values as they are.
 * Object keys are cleaned too: an input object's keys are field names, and no field name holds them.
 */
export function stripUnsafeDeep(value: unknown, depth = 0): unknown {
  // The request schema bounds the size; the depth bound keeps a hostile nesting from the stack.
  if (depth > 64) return value;
  if (typeof value === 'string') return stripUnsafeChars(value);
  if (Array.isArray(value)) return value.map((v) => stripUnsafeDeep(v, depth + 1));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[stripUnsafeChars(k)] = stripUnsafeDeep(v, depth + 1);
    return out;
  }
  return value;
}

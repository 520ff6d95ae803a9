/**
 * Keeps what the user is typing in a form until the host has acknowledged the save, so neither a
 * lost connection, a page change nor a reload loses it:
 *
 *   const draft = useDraft(open ? `session:${caseId}:new` : null, form);
 *   useApiMutation(op, { onSuccess: () => draft.clear() });
 *
 * While `key` is set, the form's values go to this tab's sessionStorage as they change (once the
 * user has touched a field); when the key becomes set, a draft kept under it is put back into the
 * form. `clear()` forgets it: call it when the save succeeded (never on a failed save) or when the
 * user discards the form on purpose. Drafts stay in this tab only (sessionStorage) and are all
 * forgotten at sign-out: they may hold a citizen's details.
 */
import { Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'mediation-desk.draft.';
const DAYJS_TAG = '$dayjs';

/** JSON cannot hold a dayjs (date pickers' values): tag them so they come back as dayjs. */
function pack(v: unknown): unknown {
  if (dayjs.isDayjs(v)) return { [DAYJS_TAG]: v.toISOString() };
  if (Array.isArray(v)) return v.map(pack);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pack(x)]));
  return v;
}

function unpack(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unpack);
  if (v && typeof v === 'object') {
    const tagged = (v as Record<string, unknown>)[DAYJS_TAG];
    if (typeof tagged === 'string') return dayjs(tagged);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unpack(x)]));
  }
  return v;
}

export function readDraft(key: string): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (unpack(JSON.parse(raw)) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, values: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(pack(values)));
  } catch {
    // A full storage must not break typing; the form itself still holds the values.
  }
}

export function clearDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

/** Forget every draft of this tab (sign-out: the next user must not see them). */
export function clearAllDrafts(): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(PREFIX)) sessionStorage.removeItem(k);
  }
}

export interface Draft {
  /** A kept draft was put back into the form when the key became set. */
  restored: boolean;
  /** Forget the draft (the save was acknowledged, or the user discarded the form). */
  clear: () => void;
}

export function useDraft(key: string | null, form: FormInstance): Draft {
  // Any change of any field re-renders; the values themselves are read from the form below.
  const watched = Form.useWatch((all: unknown) => all, { form, preserve: true });
  const restoredFor = useRef<string | null>(null);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (key === null) {
      restoredFor.current = null;
      return;
    }
    if (restoredFor.current === key) return;
    restoredFor.current = key;
    const kept = readDraft(key);
    setRestored(kept !== null);
    if (kept) {
      form.setFieldsValue(kept);
      // The restored fields count as touched: the draft keeps being saved from here on.
      form.setFields(Object.keys(kept).map((name) => ({ name, touched: true })));
    }
  }, [key, form]);

  useEffect(() => {
    if (key === null || restoredFor.current !== key) return;
    if (!form.isFieldsTouched()) return;
    writeDraft(key, form.getFieldsValue(true));
  }, [watched, key, form]);

  const clear = useCallback(() => {
    if (key !== null) clearDraft(key);
    setRestored(false);
  }, [key]);

  return { restored, clear };
}

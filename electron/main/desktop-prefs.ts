/**
 * Per-machine preferences of the desktop app, in electron-store: window bounds, the A4 printer,
 * the kiosk display, and the services' own per-machine prefs (ticket printers, desk name).
 * NEVER case data: that lives in SQLite only.
 *
 * The file is the one the plain-Node hosts use (machine-prefs.json in the data dir, see
 * services/machine-prefs.ts), so the browser host, the CLI and the window see the same printers.
 */
import Store from 'electron-store';
import { z } from 'zod';
import { prefsDefaults, type Prefs, type PrefsShape } from '../services/machine-prefs';
import type { WindowBounds } from './window-bounds';

interface ShellPrefsShape {
  windowBounds: WindowBounds | null;
  /** System printer name for A4 documents (pre-selected in the print dialog); null: OS default. */
  a4PrinterName: string | null;
  /** Display the kiosk window opens on (Electron display id); null: the primary display. */
  kioskDisplayId: number | null;
}

type StoreShape = PrefsShape & ShellPrefsShape;

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** Values read back are checked: the file is hand-editable and survives app versions. */
const shellSchemas = {
  windowBounds: boundsSchema.nullable(),
  a4PrinterName: z.string().min(1).max(200).nullable(),
  kioskDisplayId: z.number().int().nullable(),
} satisfies { [K in keyof ShellPrefsShape]: z.ZodType<ShellPrefsShape[K]> };

const shellDefaults: ShellPrefsShape = {
  windowBounds: null,
  a4PrinterName: null,
  kioskDisplayId: null,
};

export interface ShellPrefs {
  /** For createBackend: the services' per-machine prefs, backed by this store. */
  services: Prefs;
  get<K extends keyof ShellPrefsShape>(key: K): ShellPrefsShape[K];
  set<K extends keyof ShellPrefsShape>(key: K, value: ShellPrefsShape[K]): void;
}

export function openShellPrefs(dataDir: string): ShellPrefs {
  const store = new Store<StoreShape>({
    name: 'machine-prefs',
    cwd: dataDir,
    defaults: { ...prefsDefaults, ...shellDefaults },
    // Preferences are disposable: a damaged file must not stop the app from starting.
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  // electron-store's typings cannot follow a generic key; the shapes above are the contract.
  const raw = store as unknown as { get(k: string): unknown; set(k: string, v: unknown): void };
  return {
    services: {
      get: (key) => raw.get(key) as PrefsShape[typeof key],
      set: (key, value) => raw.set(key, value),
    },
    get(key) {
      const parsed = shellSchemas[key].safeParse(raw.get(key));
      return (parsed.success ? parsed.data : shellDefaults[key]) as ShellPrefsShape[typeof key];
    },
    set(key, value) {
      raw.set(key, shellSchemas[key].parse(value));
    },
  };
}

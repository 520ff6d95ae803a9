/**
 * Per-machine preferences (chosen printers, kiosk display, window bounds, the centre mode): never case data.
 * The desktop app backs this with electron-store; elsewhere with `conf` (electron-store's core,
 * which runs in plain Node) in the data dir. Both have the same get/set API.
 */
import Conf from 'conf';
import { z } from 'zod';
import { STANDALONE, type CentreMode } from '../common/centre-mode';

export const printerPrefSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, '请填写打印机名称').max(40),
  uri: z.string().trim().min(1, '请填写打印机地址').max(200),
  width: z.union([z.literal(58), z.literal(80)]),
});
export type PrinterPref = z.infer<typeof printerPrefSchema>;

export interface PrefsShape {
  printers: PrinterPref[];
  ticketPrinterId: string | null;
  deskName: string;
  /** What this machine is in its centre; read through readCentreMode (the file is hand-editable). */
  centreMode: CentreMode;
}

export interface Prefs {
  get<K extends keyof PrefsShape>(key: K): PrefsShape[K];
  set<K extends keyof PrefsShape>(key: K, value: PrefsShape[K]): void;
}

export const prefsDefaults: PrefsShape = { printers: [], ticketPrinterId: null, deskName: '1号调解室', centreMode: STANDALONE };

export function confPrefs(dir: string): Prefs {
  const conf = new Conf<PrefsShape>({
    cwd: dir,
    configName: 'machine-prefs',
    projectName: 'mediation-desk',
    defaults: prefsDefaults,
    configFileMode: 0o600,
  });
  return {
    get: (key) => conf.get(key),
    // conf's typings cannot follow a generic key; the values are checked by PrefsShape above.
    set: (key, value) => (conf as unknown as { set(k: string, v: unknown): void }).set(key, value),
  };
}

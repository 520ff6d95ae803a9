/**
 * What `synchronous=FULL` costs (issue 12 item 13): registering a case at the intake counter, one
 * transaction each as the app does it, under FULL (the app's setting: every commit syncs the WAL,
 * so an acknowledged registration survives a power cut) and under NORMAL (the earlier setting:
 * the last commits before a power cut may be lost). Both on the same throw-away copy.
 */
import { registerCaseInput } from '../../electron/common/api/cases';
import { openServices } from '../../electron/backend';
import { systemActor } from '../../electron/services/core/context';
import { createLogger } from '../../electron/services/core/logger';
import { registerCase } from '../../electron/services/cases/register';
import { walkInCase } from '../support/cases';
import type { BenchSuite } from './types';

export const durabilitySuite: BenchSuite = (b) => {
  const input = registerCaseInput.parse(walkInCase({ title: '基准测试登记' }));
  let copy: { dir: string; cleanup(): void } | null = null;
  let ctx: ReturnType<typeof openServices> | null = null;
  // Opened on first use, so that `--only` without these operations copies nothing.
  const open = () => {
    if (!ctx) {
      copy = b.copyDataDir();
      ctx = openServices({ dataDir: copy.dir, logger: createLogger({}) });
    }
    return ctx;
  };
  const register = (mode: 'FULL' | 'NORMAL') => {
    let set = false;
    return () => {
      const c = open();
      if (!set) {
        c.db.sqlite.pragma(`synchronous = ${mode}`);
        set = true;
      }
      registerCase(c, systemActor, input);
    };
  };
  const close = () => {
    ctx?.db.close();
    void ctx?.logger.close();
    copy?.cleanup();
    ctx = null;
    copy = null;
  };
  return [
    { op: 'register-case-sync-normal', run: register('NORMAL'), teardown: close },
    { op: 'register-case-sync-full', targetP95Ms: 100, run: register('FULL'), teardown: close },
  ];
};

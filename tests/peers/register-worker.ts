/**
 * A separate process that registers cases in a shared data dir: used to prove that case numbers
 * stay gapless and unique when several desks (processes) register at the same moment.
 * Usage: tsx tests/peers/register-worker.ts DATA_DIR COUNT
 */
import { openServices } from '../../electron/backend';
import { registerCase } from '../../electron/services/cases/register';
import { createLogger } from '../../electron/services/core/logger';
import { registerCaseInput } from '../../electron/common/api/cases';
import { walkInCase } from '../support/cases';

const [dataDir, count] = process.argv.slice(2);
const ctx = openServices({ dataDir: dataDir!, logger: createLogger({}) });
const input = registerCaseInput.parse(walkInCase({ title: `并发登记 ${process.pid}` }));
for (let i = 0; i < Number(count); i++) registerCase(ctx, { id: null, name: `worker-${process.pid}`, role: 'intake' }, input);
ctx.db.close();

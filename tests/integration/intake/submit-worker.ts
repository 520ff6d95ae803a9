/**
 * A separate process that registers citizens on a shared data dir, as a second kiosk would: used to
 * prove that queue numbers stay gapless and unique when kiosks submit at the same moment.
 * Usage: tsx tests/integration/intake/submit-worker.ts DATA_DIR COUNT
 */
import { openServices } from '../../../electron/backend';
import { intakeInput } from '../../../electron/common/api/intake';
import { kioskActor } from '../../../electron/services/core/context';
import { createLogger } from '../../../electron/services/core/logger';
import { submitIntake } from '../../../electron/services/intake/submit';
import { kioskInput } from './harness';

const [dataDir, count] = process.argv.slice(2);
const ctx = openServices({ dataDir: dataDir!, logger: createLogger({}) });
const codes: string[] = [];
for (let i = 0; i < Number(count); i++) {
  codes.push(submitIntake(ctx, kioskActor, intakeInput.parse(kioskInput({ name: `并发${process.pid}-${i}` }))).queueCode);
}
ctx.db.close();
process.stdout.write(JSON.stringify(codes));

import type { devicesOps } from '../../common/api/devices';
import { AppError } from '../../common/errors';
import { getCentre } from '../../services/centre';
import type { Handlers } from '../handler';

const notYet = (): never => {
  throw new AppError('REFUSED', '终端管理尚未在本主机启用');
};

export const devicesHandlers: Handlers<typeof devicesOps> = {
  'devices.current': (_input, { app }) => ({ mode: 'local', device: null, centreName: getCentre(app.ctx)?.name ?? null }),
  'devices.pair': notYet,
  'devices.createPairingCode': notYet,
  'devices.list': () => [],
  'devices.rename': notYet,
  'devices.revoke': notYet,
  'devices.setTicketPrinter': notYet,
};

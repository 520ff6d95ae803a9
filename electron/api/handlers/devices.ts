import type { devicesOps } from '../../common/api/devices';
import { AppError, isAppError } from '../../common/errors';
import { getCentre } from '../../services/centre';
import {
  createPairingCode,
  getDevice,
  listDevices,
  pairDevice,
  renameDevice,
  revokeDevice,
  setDeviceTicketPrinter,
} from '../../services/devices/registry';
import type { Handlers } from '../handler';

export const devicesHandlers: Handlers<typeof devicesOps> = {
  'devices.current': (_input, { app, source }) => {
    const d = source.deviceId ? getDevice(app.ctx, source.deviceId) : null;
    return {
      mode: app.centre.mode,
      host: app.centre.lan,
      device: d && !d.revokedAt ? { id: d.id, name: d.name, kind: d.kind } : null,
      centreName: getCentre(app.ctx)?.name ?? null,
    };
  },

  'devices.pair': (input, { app, source, hooks }) => {
    // Pairing happens over the host's network address; the credential goes into an HttpOnly cookie.
    if (!hooks.setDeviceCredential) throw new AppError('REFUSED', '请在工作站上通过中心主机的网络地址配对');
    const guard = app.centre.pairing;
    guard.check(source.address);
    try {
      const { device, credential } = pairDevice(app.ctx, input.code, source.address);
      hooks.setDeviceCredential(credential);
      app.ctx.logger.info('device paired', { deviceId: device.id, kind: device.kind, address: source.address });
      return { device };
    } catch (e) {
      if (isAppError(e) && e.code === 'DEVICE_UNPAIRED') {
        guard.fail(source.address);
        app.ctx.logger.warn('pairing refused', { address: source.address, reason: e.message });
      }
      throw e;
    }
  },

  'devices.createPairingCode': (input, { app, actor }) => createPairingCode(app.ctx, actor, input.kind, input.name),
  'devices.list': (_input, { app }) => listDevices(app.ctx),
  'devices.rename': (input, { app, actor }) => renameDevice(app.ctx, actor, input.id, input.name),
  'devices.revoke': (input, { app, actor }) => {
    const row = revokeDevice(app.ctx, actor, input.id);
    // Whoever was signed in at that machine is out with it.
    app.sessions.endAllOnDevice(input.id);
    return row;
  },
  'devices.setTicketPrinter': (input, { app, actor }) => setDeviceTicketPrinter(app.ctx, actor, input.id, input.printer),
};

import { formatQueryCode, type IntakeRow, type intakeOps } from '../../common/api/intake';
import { maskPhone } from '../../common/domain/identity';
import { AppError, isAppError } from '../../common/errors';
import type { Role } from '../../common/roles';
import { requireCentre } from '../../services/centre';
import { kioskActor } from '../../services/core/context';
import { deviceTicketPrinter } from '../../services/devices/printer';
import { getSettings } from '../../services/core/centre-settings-store';
import { sourceKey } from '../../services/auth/source-key';
import { lookupProgress } from '../../services/intake/lookup';
import { chooseTicketPrinter, listPrinters, printerStatus, removePrinter, savePrinter, testPrinter } from '../../services/intake/printers';
import { callNext, callTicket, queueDisplay, queueToday, setTicketStatus } from '../../services/intake/queue';
import { purgeExpiredIntakes } from '../../services/intake/retention';
import { acceptIntake, listIntakes, mergeIntake, pendingIntakes, rejectIntake } from '../../services/intake/review';
import { submitIntake } from '../../services/intake/submit';
import { printIntakeTicket } from '../../services/intake/tickets';
import type { CallContext, Handlers } from '../handler';

/** How long "还在操作吗？" waits on the kiosk before it clears the screen. */
const KIOSK_PROMPT_SECONDS = 20;
const STAFF: readonly Role[] = ['intake', 'mediator', 'admin', 'court_mediator'];
const REVIEWERS: readonly Role[] = ['intake', 'mediator', 'admin'];

const guardOf = (call: CallContext) => call.app.kioskGuard;
/** Rate-limit key: a caller without a session counts per device (each kiosk on its own); staff one by one. */
const sourceOf = (call: CallContext) => (call.user ? `user:${call.user.id}` : sourceKey(call.source));
/** The kiosk as the actor of its registrations, with the paired device it stands at. */
const kioskOf = (call: CallContext) => ({ ...kioskActor, deviceId: call.source.deviceId });
/** A paired device's own ticket printer (tcp://), when the admin set one. */
const printerOf = (call: CallContext) => deviceTicketPrinter(call.app.ctx, call.source.deviceId);
/** The intake clerk sees registrations with phones masked, as ID numbers already are (common/access.ts). */
const forCounter = <T extends IntakeRow>(r: T): T => ({
  ...r,
  phone: r.phone ? maskPhone(r.phone) : r.phone,
  otherPartyPhone: r.otherPartyPhone ? maskPhone(r.otherPartyPhone) : r.otherPartyPhone,
});
const deskOf = (call: CallContext, desk: string | undefined) => desk ?? call.app.prefs.get('deskName');

export const intakeHandlers: Handlers<typeof intakeOps> = {
  'intake.kioskInfo': (_input, { app }) => {
    const centre = requireCentre(app.ctx);
    return {
      centreName: centre.name,
      centrePhone: centre.phone,
      idleSeconds: getSettings(app.ctx).kioskIdleSeconds,
      promptSeconds: KIOSK_PROMPT_SECONDS,
    };
  },

  'intake.submit': async (input, call) => {
    const { app } = call;
    const staff = call.user !== null && STAFF.includes(call.user.role);
    if (input.channel === 'clerk' && !staff) throw new AppError('UNAUTHENTICATED', '代为登记需要工作人员先登录');
    const guard = guardOf(call);
    // Per kiosk and per citizen (the phone number): one busy kiosk or one number does not stop the rest.
    if (!staff) guard.admitSubmit([`source:${sourceOf(call)}`, `phone:${input.phone.replace(/\D/g, '')}`]);
    const saved = submitIntake(app.ctx, staff ? call.actor : kioskOf(call), input);
    // Saved first; whatever the printer does now, the registration stands.
    const printed = await printIntakeTicket(app.ctx, app.prefs, saved.intakeId, { printer: printerOf(call) });
    try {
      purgeExpiredIntakes(app.ctx);
    } catch (e) {
      app.ctx.logger.warn('intake retention purge failed', { error: (e as Error).message });
    }
    return {
      queueCode: saved.queueCode,
      queryCode: formatQueryCode(saved.queryCode),
      issuedAt: saved.issuedAt,
      categoryLabel: saved.categoryLabel,
      registrationNumber: saved.registrationNumber,
      ...printed,
      reprintToken: guard.grantReprint(saved.intakeId),
      intakeId: staff ? saved.intakeId : null,
    };
  },

  'intake.lookup': (input, call) =>
    lookupProgress(call.app.ctx, guardOf(call), sourceOf(call), input.code, input.phoneLast4, call.user === null),

  'intake.reprint': async (input, call) => {
    let intakeId: string;
    if ('reprintToken' in input) {
      intakeId = guardOf(call).redeemReprint(input.reprintToken);
    } else {
      if (!call.user) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (!REVIEWERS.includes(call.user.role)) throw new AppError('FORBIDDEN', '您的角色无权补打小票');
      intakeId = input.intakeId;
    }
    return printIntakeTicket(call.app.ctx, call.app.prefs, intakeId, { printer: printerOf(call) });
  },

  'intake.list': (input, { app, user }) => {
    const page = listIntakes(app.ctx, input);
    return user.role === 'intake' ? { ...page, rows: page.rows.map(forCounter) } : page;
  },
  'intake.pending': (_input, { app, user }) => (user.role === 'intake' ? pendingIntakes(app.ctx).map(forCounter) : pendingIntakes(app.ctx)),
  'intake.accept': (input, { app, actor }) => acceptIntake(app.ctx, actor, input.intakeId, input.title),
  'intake.merge': (input, { app, actor }) => mergeIntake(app.ctx, actor, input.intakeId, input.caseId),
  'intake.reject': (input, { app, actor }) => rejectIntake(app.ctx, actor, input.intakeId, input.reason),

  'queue.today': (_input, call) => queueToday(call.app.ctx, deskOf(call, undefined)),
  'queue.callNext': (input, call) => callNext(call.app.ctx, call.actor, deskOf(call, input.desk)),
  'queue.call': (input, call) => callTicket(call.app.ctx, call.actor, input.ticketId, deskOf(call, input.desk)),
  'queue.setStatus': (input, call) => setTicketStatus(call.app.ctx, call.actor, input.ticketId, input.status),
  'queue.setDesk': (input, { app }) => {
    app.prefs.set('deskName', input.desk);
    return { desk: input.desk };
  },
  'queue.display': (_input, { app }) => queueDisplay(app.ctx),

  'printers.list': (_input, { app }) => listPrinters(app.prefs),
  'printers.save': (input, { app }) => savePrinter(app.prefs, input),
  'printers.remove': (input, { app }) => removePrinter(app.prefs, input.id),
  'printers.setTicket': (input, { app }) => chooseTicketPrinter(app.prefs, input.id),
  'printers.test': async (input, { app }) => {
    try {
      await testPrinter(app.prefs, requireCentre(app.ctx).name, input.id);
      return { printed: true, printError: null };
    } catch (e) {
      if (isAppError(e) && e.code === 'PRINTER') return { printed: false, printError: e.message };
      throw e;
    }
  },
  'printers.status': (input, { app }) => printerStatus(app.prefs, app.ctx.clock, input.id),
};

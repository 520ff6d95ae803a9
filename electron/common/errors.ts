/**
 * Errors that cross the API boundary: a stable code for programs and a Chinese message for people.
 * Services throw AppError; the dispatcher turns anything else into INTERNAL without leaking a stack.
 */
export type ErrorCode =
  | 'VALIDATION' // input does not fit the operation's schema or a business rule on a field
  | 'UNKNOWN_OPERATION'
  | 'UNAUTHENTICATED' // no session, or it expired
  | 'PASSWORD_CHANGE_REQUIRED' // signed in with a password an admin set: change it before anything else
  | 'FORBIDDEN' // the caller's role may not do this
  | 'BAD_CREDENTIALS'
  | 'LOCKED_OUT'
  | 'NOT_FOUND'
  | 'CONFLICT' // optimistic locking: someone else changed the record (已被他人修改)
  | 'ILLEGAL_STEP' // a life-cycle step that is not allowed from the current state
  | 'REFUSED' // a business rule refuses the request (recusal, excluded matter, ...)
  | 'ALREADY_SET_UP'
  | 'NOT_SET_UP'
  | 'DB_TOO_NEW'
  | 'DB_CORRUPT'
  | 'DATA_DIR'
  | 'DISK_FULL' // the disk of the data dir is full: nothing was written, reading still works
  | 'BUSY' // another process holds the lock (e.g. an upload is running)
  | 'PRINTER'
  | 'UPLOAD'
  | 'DEVICE_UNPAIRED' // centre network: no or unknown device credential
  | 'DEVICE_REVOKED' // centre network: the admin revoked this device
  | 'DEVICE_FORBIDDEN' // centre network: the operation is outside what this kind of device may do
  | 'OFFLINE' // the renderer's client only: the centre host cannot be reached
  | 'INTERNAL';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level messages for forms: path → Chinese message. */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * An ID number whose birth date (or issue date) lies after the clock's day is refused here: the
 * input schemas check everything else but cannot know "today" (they use LAST_DAY).
 */
import { validateIdNumber, type IdType } from '../../common/domain/identity';
import { AppError } from '../../common/errors';

/** Throws VALIDATION on the `field` ('idNumber' by default) when the number does not hold on `today`. */
export function refuseFutureId(type: IdType, idNumber: string, today: string, field = 'idNumber'): void {
  const check = validateIdNumber(type, idNumber, today);
  if (!check.ok) throw new AppError('VALIDATION', check.message, { [field]: check.message });
}

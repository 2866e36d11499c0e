import { Transform } from 'class-transformer';
import { IsBoolean, Matches, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '../dates/partial-date.rules.js';

/**
 * The field may be left out, but when present it may not be null (for required fields in PATCH
 * bodies, where `null` would mean "clear" and clearing is not allowed).
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** A real calendar date written YYYY-MM-DD. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date as YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** Text with something in it besides white space (the service trims what it stores). */
export function NotBlank(): PropertyDecorator {
  return (target, propertyName) =>
    Matches(/\S/, { message: `${String(propertyName)} must not be blank` })(target, propertyName);
}

/** A query parameter that is `true` or `false` (and nothing else: `1`, `yes` are refused). */
export function BooleanQuery(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))(
      target,
      propertyName,
    );
    IsBoolean({ message: `${String(propertyName)} must be true or false` })(target, propertyName);
  };
}

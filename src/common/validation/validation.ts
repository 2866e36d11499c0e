import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError, type FieldError } from '../errors/domain-error.js';

/** Flattens class-validator's tree into `field: message` pairs, with paths like `milestones[0].title`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const path =
      parent === '' ? segment : segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({
        field: path,
        message: constraint === 'whitelistValidation' ? 'is not a known field' : message,
      });
    }
    if (error.children && error.children.length > 0) out.push(...fieldErrors(error.children, path));
  }
  return out;
}

/**
 * Every body and query goes through this: unknown fields are refused rather than ignored, values
 * are converted to their declared types, and errors list each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldErrors(errors);
      const detail =
        fields.length === 1
          ? `${fields[0].field} ${fields[0].message}`
          : `The request has ${fields.length} invalid fields: see errors.`;
      return new DomainError('invalid', 'validation.failed', detail, fields);
    },
  });
}

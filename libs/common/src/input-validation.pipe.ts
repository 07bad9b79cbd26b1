import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonException, CommonExceptionCode } from './app.exception.js';

interface FieldProblem {
  field: string;
  rules: string[];
}

/** Flattens class-validator's nested errors into dotted field paths with their broken rules. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator's default messages name the property and the rule ("lat must not be greater
 * than 90") and never the value, as long as no message uses `$value`: keep it that way.
 */
export function invalidInput(problems: FieldProblem[]): CommonException {
  const message = problems.map(({ field, rules }) => `${field}: ${rules.join('; ')}`).join('. ');
  return new CommonException(
    `Invalid input. ${message}`,
    CommonExceptionCode.INVALID_INPUT,
    problems.map(({ field }) => field),
  );
}

/** Validates and transforms every argument; errors name the field by its full path from the argument (`input.location.lat`). */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => flattenValidationErrors(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const nul = pathOfNul(value);
    if (nul !== null) {
      // PostgreSQL cannot store U+0000 in text; refuse it here, naming the field, not the value.
      const field = [metadata.data, nul].filter(Boolean).join('.');
      throw invalidInput([
        { field: field || 'input', rules: ['must not contain a NUL character'] },
      ]);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (Array.isArray(error)) {
        const prefix = metadata.data ? `${metadata.data}.` : '';
        const problems = (error as FieldProblem[]).map((p) => ({ ...p, field: prefix + p.field }));
        throw invalidInput(problems);
      }
      throw error;
    }
  }
}

/**
 * The dotted path of the first string holding U+0000, or null. Only plain data is walked (the
 * GraphQL arguments), never class instances such as the request in a resolver's context.
 */
export function pathOfNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  const plain =
    Array.isArray(value) ||
    (value !== null &&
      typeof value === 'object' &&
      [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null));
  if (!plain || depth > 20) {
    return null;
  }
  for (const [key, inner] of Object.entries(value as object)) {
    const found = pathOfNul(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) {
      return found;
    }
  }
  return null;
}

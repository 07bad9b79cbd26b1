import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CommonException, CommonExceptionCode } from './app.exception.js';

/**
 * For `ID` arguments: a malformed id is the caller's mistake, not a database error. An omitted
 * optional id passes (GraphQL itself refuses a missing required one).
 */
export class UuidPipe implements PipeTransform<unknown, string | null | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | null | undefined {
    if (value === null || value === undefined) {
      return value;
    }
    if (typeof value !== 'string' || !isUUID(value)) {
      const field = metadata.data ?? 'id';
      throw new CommonException(
        `Invalid input. ${field}: must be a UUID`,
        CommonExceptionCode.INVALID_INPUT,
        [field],
      );
    }
    return value;
  }
}

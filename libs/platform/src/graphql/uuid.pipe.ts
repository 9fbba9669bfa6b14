import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '../errors/app.exceptions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `@Args('id', UuidPipe)`: a malformed id is a VALIDATION_FAILED, not a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isUuid(value)) throw new ValidationFailedException('Некорректный идентификатор записи.');
    return value.toLowerCase();
  }
}

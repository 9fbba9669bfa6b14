import { HttpException } from '@nestjs/common';
import { AppException, ConflictException, ForbiddenException, NotFoundException, UnauthenticatedException, ValidationFailedException } from './app.exceptions';

type PgError = { code?: string; constraint?: string };

/**
 * Maps what a lower layer threw to a typed product error, or `undefined` when it is a bug
 * (which then becomes INTERNAL_SERVER_ERROR with no details sent to the client).
 */
export function toAppException(error: unknown): AppException | undefined {
  if (error instanceof AppException) return error;
  const driverError = (error as { driverError?: PgError } | null)?.driverError ?? (error as PgError | null);
  switch (driverError?.code) {
    case '22P02': // invalid_text_representation (e.g. a malformed uuid)
    case '22001': // string_data_right_truncation
    case '22003': // numeric_value_out_of_range
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '23514': // check_violation
    case '23502': // not_null_violation
      return new ValidationFailedException('Некорректные данные: значение не подходит по формату или ограничениям.');
    case '23503':
      return new ValidationFailedException('Ссылка на несуществующую или связанную запись.');
    case '23505':
      return new ConflictException('Запись с такими данными уже существует.');
    case '42501': // insufficient_privilege, including a row-level security WITH CHECK violation
      return new ForbiddenException();
  }
  // Fastify refused the request body (FST_ERR_CTP_BODY_TOO_LARGE and friends).
  const fastifyStatus = (error as { statusCode?: unknown; code?: unknown } | null)?.statusCode;
  if (fastifyStatus === 413) return new ValidationFailedException('Запрос слишком большой: файл должен быть не больше 5 МБ.');
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500 && String((error as { code?: unknown }).code).startsWith('FST_')) {
    return new ValidationFailedException('Некорректный запрос.');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 401) return new UnauthenticatedException();
    if (status === 403) return new ForbiddenException();
    if (status === 404) return new NotFoundException('Адрес не найден.');
    if (status >= 400 && status < 500) return new ValidationFailedException('Некорректный запрос.');
  }
  return undefined;
}

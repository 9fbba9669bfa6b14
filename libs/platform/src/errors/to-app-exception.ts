import { HttpException } from '@nestjs/common';
import { AppException, ConflictException, ForbiddenException, NotFoundException, ServiceUnavailableException, UnauthenticatedException, ValidationFailedException } from './app.exceptions';

type PgError = { code?: string; constraint?: string };

/**
 * Maps what a lower layer threw to a typed product error, or `undefined` when it is a bug
 * (which then becomes INTERNAL_SERVER_ERROR with no details sent to the client).
 */
export function toAppException(error: unknown): AppException | undefined {
  if (error instanceof AppException) return error;
  const driverError = (error as { driverError?: PgError } | null)?.driverError ?? (error as PgError | null);
  const fromDatabase = typeof driverError?.code === 'string' && /^[0-9A-Z]{5}$/.test(driverError.code) ? databaseError(driverError.code) : undefined;
  if (fromDatabase) return fromDatabase;
  // Fastify refused the request body (FST_ERR_CTP_BODY_TOO_LARGE and friends).
  const fastifyStatus = (error as { statusCode?: unknown; code?: unknown } | null)?.statusCode;
  if (fastifyStatus === 413) return new ValidationFailedException('Запрос слишком большой: уменьшите файл или разделите данные на части.');
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

/**
 * A Postgres error by its SQLSTATE, specific codes first, then by class (the first two
 * characters), so that no class a client can provoke is left to become INTERNAL_SERVER_ERROR.
 * Classes that mean a bug of ours (42 syntax, XX internal …) stay unmapped and are logged.
 */
function databaseError(code: string): AppException | undefined {
  switch (code) {
    case '23503':
      return new ValidationFailedException('Ссылка на несуществующую или связанную запись.');
    case '23505':
    case '23P01': // exclusion_violation
      return new ConflictException('Запись с такими данными уже существует.');
    case '42501': // insufficient_privilege, including a row-level security WITH CHECK violation
      return new ForbiddenException();
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return new ConflictException('Запись одновременно изменяется в другом окне или другим пользователем: повторите действие.');
    case '57014': // query_canceled (statement timeout)
      return new ServiceUnavailableException('Запрос выполнялся слишком долго и был прерван: сузьте условия отбора или повторите позже.');
  }
  switch (code.slice(0, 2)) {
    case '22': // data_exception: bad text representation, NUL or unconvertible characters (22021, 22P05), overflow, bad dates …
    case '23': // integrity_constraint_violation: not null, check …
      return new ValidationFailedException('Некорректные данные: значение не подходит по формату или ограничениям.');
    case '54': // program_limit_exceeded: e.g. a value too long for an index row
      return new ValidationFailedException('Значение слишком длинное или сложное для сохранения: сократите его.');
    case '08': // connection_exception
    case '53': // insufficient_resources
    case '57': // operator_intervention: the server is shutting down
    case '58': // system_error
      return new ServiceUnavailableException();
  }
  return undefined;
}


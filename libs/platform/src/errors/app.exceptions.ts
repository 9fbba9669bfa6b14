/**
 * Typed errors of the product. Each has a stable `code` that clients switch on (GraphQL
 * `extensions.code`) and a Russian message a curator can act on.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  | 'LINK_INVALID'
  | 'LINK_EXPIRED'
  | 'LINK_USED'
  | 'LINK_WITHDRAWN'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export type FieldProblem = { field: string; message: string };

export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly httpStatus: number,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedException extends AppException {
  constructor(message = 'Требуется вход в систему: токен доступа отсутствует, недействителен или истёк.') {
    super('UNAUTHENTICATED', message, 401);
  }
}

export class ForbiddenException extends AppException {
  constructor(message = 'Недостаточно прав для этого действия.') {
    super('FORBIDDEN', message, 403);
  }
}

export class NotFoundException extends AppException {
  constructor(message = 'Запись не найдена.') {
    super('NOT_FOUND', message, 404);
  }
}

export class ValidationFailedException extends AppException {
  constructor(message: string, details?: FieldProblem[]) {
    super('VALIDATION_FAILED', message, 400, details);
  }
}

export class ConflictException extends AppException {
  constructor(message: string) {
    super('CONFLICT', message, 409);
  }
}

export class ServiceUnavailableException extends AppException {
  constructor(message = 'Сервис временно недоступен: повторите попытку через минуту.') {
    super('SERVICE_UNAVAILABLE', message, 503);
  }
}

/** Thrown when code asks for the tenant scope outside a request or job that set one. */
export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant scope is set for this operation (fail closed)');
    this.name = 'TenantContextMissingError';
  }
}

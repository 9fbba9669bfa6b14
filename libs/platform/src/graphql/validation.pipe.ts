import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedException, type FieldProblem } from '../errors/app.exceptions';

/** class-validator on every input; unknown properties are refused; errors carry Russian messages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const first = details[0]?.message ?? 'Некорректные данные.';
      return new ValidationFailedException(details.length > 1 ? `${first} (и ещё ошибок: ${details.length - 1})` : first, details);
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: /[а-яё]/i.test(message) ? message : `Поле «${field}» заполнено неверно.`,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

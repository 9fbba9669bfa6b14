import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedException, type FieldProblem } from '../errors/app.exceptions';
import { nullableFieldsOf, textProblem } from './validators';

const NOT_INPUT_CLASSES: ReadonlySet<unknown> = new Set([String, Number, Boolean, Array, Object]);

/**
 * Parameters that are not input. Nest runs the global pipe on every parameter of every resolver,
 * field resolvers included, and hands it a GraphQL resolver's arguments as `body` but its parent
 * (`@Parent()`, the object the API itself resolved), context and info as `custom` — as it does a
 * route's `@Req()`/`@Res()` (the project declares no custom parameter decorator; a route's input
 * comes as `body`, `query` or `param`; class-validator never looked at `custom`). Without this each
 * row of a list had its whole entity walked for strings and undeclared nulls once per field
 * resolver of the row — and a route's whole request object (issue 15's profile: ≈ 3 % of a
 * curator's participants page).
 */
const NOT_INPUT_PARAMETERS: ReadonlySet<string> = new Set(['custom']);

/** Deeper than any input of the API: a document nested further is refused, not walked. */
const MAX_INPUT_DEPTH = 12;

/**
 * The one gate every argument of every resolver and route passes (registered as APP_PIPE) — every
 * input, that is: a field resolver's parent, the context and the info pass untouched:
 * 1. every string, in whatever field, is checked for what no record needs (NUL and other controls,
 *    broken UTF-16, direction overrides, nothing visible) — so no field can forget it;
 * 2. class-validator with Russian messages; unknown properties are refused;
 * 3. an explicit `null` means «clear it» only where the input declares `@Nullable()`; anywhere
 *    else it is the same as leaving the field out (the field's default, or absent), and a `null`
 *    filter or argument object is an absent one.
 */
export class InputPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => failed(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (NOT_INPUT_PARAMETERS.has(metadata.type)) return value;
    const problems: FieldProblem[] = [];
    checkStrings(value, metadata.data ?? metadata.type, problems, 0);
    if (problems.length) throw failed(problems);
    const isInputClass = typeof metadata.metatype === 'function' && !NOT_INPUT_CLASSES.has(metadata.metatype);
    if (value === null && isInputClass) return undefined;
    const result = await super.transform(value, metadata);
    resetUndeclaredNulls(result, 0);
    return result;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputPipe();
}

function failed(details: FieldProblem[]): ValidationFailedException {
  const first = details[0]?.message ?? 'Некорректные данные.';
  return new ValidationFailedException(details.length > 1 ? `${first} (и ещё ошибок: ${details.length - 1})` : first, details);
}

function checkStrings(value: unknown, field: string, problems: FieldProblem[], depth: number): void {
  if (problems.length >= 20) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) problems.push({ field, message: problem });
    return;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
  if (depth > MAX_INPUT_DEPTH) {
    problems.push({ field, message: 'Слишком глубоко вложенные данные.' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkStrings(item, `${field}[${i}]`, problems, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (textProblem(key)) problems.push({ field, message: 'Некорректное имя поля.' });
    else checkStrings(item, `${field}.${key}`, problems, depth + 1);
  }
}

/**
 * Turns each `null` that the input class did not declare `@Nullable()` into the field's default
 * (what `new Input()` holds — e.g. `sortOrder = 'ASC'`) or removes it, through nested inputs.
 */
function resetUndeclaredNulls(value: unknown, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > MAX_INPUT_DEPTH || ArrayBuffer.isView(value) || value instanceof Date) return;
  if (Array.isArray(value)) {
    for (const item of value) resetUndeclaredNulls(item, depth + 1);
    return;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (!prototype || prototype === Object.prototype) return; // a plain object: not an input class
  const nullable = nullableFieldsOf(prototype.constructor);
  let defaults: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === null && !nullable.has(key)) {
      defaults ??= defaultsOf(prototype);
      if (defaults[key] === undefined || defaults[key] === null) delete record[key];
      else record[key] = defaults[key];
    } else {
      resetUndeclaredNulls(record[key], depth + 1);
    }
  }
}

function defaultsOf(prototype: object): Record<string, unknown> {
  try {
    return new (prototype.constructor as new () => Record<string, unknown>)();
  } catch {
    return {};
  }
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

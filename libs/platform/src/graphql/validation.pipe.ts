import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
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

/**
 * How long an argument found valid is taken as valid without asking class-validator again, and how
 * many such arguments are kept (then all are forgotten), and the largest argument kept (as its key).
 */
const VALID_FOR_MS = 60_000;
const MAX_KNOWN_VALID = 2_000;
const MAX_KEY_LENGTH = 2_048;

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
  /**
   * Arguments class-validator found valid lately, by input class and value (issue 15): the console
   * asks the same few arguments all day — a list's page and sort, a dashboard's period and code —
   * and validating them again was ≈ 7 % of an analyst's comparison (a period's check reads the
   * region's calendar). A rule is a function of the value alone; the only ones that read the clock
   * (a reporting period, a date not in the future) only ever admit more as time passes, and an
   * entry lives a minute. Only successes are kept: a refused argument is validated every time.
   */
  private readonly knownValid = new Map<unknown, Map<string, number>>();
  private knownValidCount = 0;

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

  /** class-validator, unless it found this very value of this class valid, with the same options, within the last minute. */
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const type: unknown = object.constructor;
    // The options are part of the key: Nest also asks with other options (whether a class has rules).
    const valueKey = validityKey(object);
    const key = valueKey === null ? null : `${JSON.stringify(validatorOptions ?? null)}\u0000${valueKey}`;
    const now = Date.now();
    const known = key === null ? undefined : this.knownValid.get(type);
    const since = key === null ? undefined : known?.get(key);
    if (since !== undefined && now - since < VALID_FOR_MS) return [];
    const errors = await super.validate(object, validatorOptions);
    if (key !== null && errors.length === 0) {
      if (this.knownValidCount >= MAX_KNOWN_VALID) {
        this.knownValid.clear();
        this.knownValidCount = 0;
      }
      const forType = this.knownValid.get(type) ?? new Map<string, number>();
      this.knownValid.set(type, forType);
      if (!forType.has(key)) this.knownValidCount += 1;
      forType.set(key, now);
    }
    return errors;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputPipe();
}

/**
 * The key of a transformed argument: its JSON, with what JSON would blur told apart (undefined, a
 * non-finite number, a Date, a bigint); null — not kept — for a binary value, a map, a set or a
 * function, or when too long. No input string starts with NUL (the string check refuses it).
 */
function validityKey(object: object): string | null {
  let key: string | undefined;
  try {
    key = JSON.stringify(object, function replacer(this: Record<string, unknown>, name: string, value: unknown) {
      const raw = this[name];
      if (raw === undefined) return '\u0000undefined';
      if (typeof raw === 'number' && !Number.isFinite(raw)) return `\u0000${raw}`;
      if (typeof raw === 'bigint') return `\u0000n${raw}`;
      if (raw instanceof Date) return `\u0000d${String(value)}`;
      if (typeof raw === 'function' || typeof raw === 'symbol' || ArrayBuffer.isView(raw) || raw instanceof ArrayBuffer || raw instanceof Map || raw instanceof Set) throw UNKEYABLE;
      return value;
    });
  } catch (error) {
    if (error === UNKEYABLE) return null;
    throw error;
  }
  return key !== undefined && key.length <= MAX_KEY_LENGTH ? key : null;
}

const UNKEYABLE = new Error('an argument without a validity key');

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

import 'reflect-metadata';
import { IsDate, IsIn, IsInt, IsOptional, Min, ValidateBy } from 'class-validator';
import { InputPipe } from '../src/graphql/validation.pipe';
import { ValidationFailedException } from '../src/errors/app.exceptions';

/** Counts the checks class-validator runs for the classes below. */
let checks = 0;
const Counted = () => ValidateBy({ name: 'counted', validator: { validate: () => (checks += 1) > 0 } });

class PageArgs {
  @Counted()
  @IsOptional()
  @IsInt({ message: 'Номер страницы должен быть целым числом.' })
  @Min(0, { message: 'Номер страницы не может быть отрицательным.' })
  page = 0;

  @IsOptional()
  @IsIn(['ASC', 'DESC'], { message: 'Порядок сортировки: ASC или DESC.' })
  sortOrder = 'ASC';
}

class OtherArgs {
  @Counted()
  @IsOptional()
  @IsInt({ message: 'Номер страницы должен быть целым числом.' })
  page = 0;
}

class DatedArgs {
  @Counted()
  @IsOptional()
  @IsDate({ message: 'Нужна дата.' })
  at?: Date | string;
}

const args = (metatype: new () => object) => ({ type: 'body' as const, metatype, data: undefined });

/**
 * The input pipe (issue 15): what is not input passes untouched, and an argument class-validator
 * found valid is not validated again for a while — its answer (the instance, the defaults) is the
 * same; a refused argument is refused every time.
 */
describe('input pipe', () => {
  beforeEach(() => {
    checks = 0;
  });

  it("a field resolver's parent, the context and the info ('custom') pass untouched, whatever they hold", async () => {
    const pipe = new InputPipe();
    const parent = { id: 'x', notes: 'строка\u0000с NUL', middleName: null };
    await expect(pipe.transform(parent, { type: 'custom', metatype: Object, data: undefined })).resolves.toBe(parent);
    expect(parent.middleName).toBeNull();
  });

  it('a valid argument seen again is not validated again, and still answers a new instance with its defaults', async () => {
    const pipe = new InputPipe();
    const first = await pipe.transform({ page: 2 }, args(PageArgs));
    const second = await pipe.transform({ page: 2 }, args(PageArgs));
    expect(checks).toBe(1);
    expect(second).toBeInstanceOf(PageArgs);
    expect(second).toEqual({ page: 2, sortOrder: 'ASC' });
    expect(second).not.toBe(first);
    await pipe.transform({ page: 3 }, args(PageArgs));
    expect(checks).toBe(2);
  });

  it('another class with the same value is validated on its own', async () => {
    const pipe = new InputPipe();
    await pipe.transform({ page: 2 }, args(PageArgs));
    await pipe.transform({ page: 2 }, args(OtherArgs));
    expect(checks).toBe(2);
  });

  it('a refused argument is refused every time, and an unknown property is never taken for a known valid value', async () => {
    const pipe = new InputPipe();
    for (let i = 0; i < 2; i++) await expect(pipe.transform({ page: -1 }, args(PageArgs))).rejects.toBeInstanceOf(ValidationFailedException);
    expect(checks).toBe(2);
    await pipe.transform({}, args(PageArgs));
    await expect(pipe.transform({ extra: undefined }, args(PageArgs))).rejects.toBeInstanceOf(ValidationFailedException);
    await expect(pipe.transform({ sortOrder: 'sideways' }, args(PageArgs))).rejects.toBeInstanceOf(ValidationFailedException);
  });

  it("an enum argument (the metatype is the enum's object, the value a string) passes every time: Nest's own check whether a class has rules asks with other options", async () => {
    const pipe = new InputPipe();
    const Status = { DRAFT: 'draft', ACTIVE: 'active' };
    for (let i = 0; i < 3; i++) await expect(pipe.transform('active', { type: 'body', metatype: Status as never, data: 'status' })).resolves.toBe('active');
  });

  it('a Date and its ISO text are different values', async () => {
    const pipe = new InputPipe();
    const at = new Date('2026-01-02T03:04:05.000Z');
    await pipe.transform({ at }, args(DatedArgs));
    await expect(pipe.transform({ at: at.toISOString() }, args(DatedArgs))).rejects.toBeInstanceOf(ValidationFailedException);
  });

  it('a minute later the value is validated again', async () => {
    const pipe = new InputPipe();
    const now = jest.spyOn(Date, 'now');
    try {
      now.mockReturnValue(1_000_000);
      await pipe.transform({ page: 2 }, args(PageArgs));
      now.mockReturnValue(1_000_000 + 59_000);
      await pipe.transform({ page: 2 }, args(PageArgs));
      expect(checks).toBe(1);
      now.mockReturnValue(1_000_000 + 61_000);
      await pipe.transform({ page: 2 }, args(PageArgs));
      expect(checks).toBe(2);
    } finally {
      now.mockRestore();
    }
  });
});

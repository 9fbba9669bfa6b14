import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const MAX_PER_PAGE = 500;

/** react-admin's list arguments (`allX(page, perPage, sortField, sortOrder, filter)`); pages count from 0. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @IsOptional()
  @IsInt({ message: 'Номер страницы должен быть целым числом.' })
  @Min(0, { message: 'Номер страницы не может быть отрицательным.' })
  page = 0;

  @Field(() => Int, { nullable: true, defaultValue: 25 })
  @IsOptional()
  @IsInt({ message: 'Размер страницы должен быть целым числом.' })
  @Min(1, { message: 'Размер страницы — от 1 до 500.' })
  @Max(MAX_PER_PAGE, { message: 'Размер страницы — от 1 до 500.' })
  perPage = 25;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  sortField?: string;

  @Field(() => String, { nullable: true, defaultValue: 'ASC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'], { message: 'Порядок сортировки: ASC или DESC.' })
  sortOrder = 'ASC';
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

export type Page<T> = { items: T[] };

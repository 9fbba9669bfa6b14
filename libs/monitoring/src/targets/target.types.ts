import { ArgsType, Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNumber, IsString, Max, Min, ValidateBy } from 'class-validator';
import { allOf, IdField, ReportingPeriodField } from '@nastavnik/platform/graphql/input-fields';

/** Целевое значение показателя, установленное регионом (или муниципалитетом) на учебный год. */
@ObjectType('IndicatorTarget', { description: 'Целевое значение показателя региона или муниципалитета на учебный год' })
export class IndicatorTargetType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'Регион или муниципалитет' }) tenantId!: string;
  @Field() tenantName!: string;
  @Field({ description: 'REGION или MUNICIPALITY' }) tenantKind!: string;
  @Field() period!: string;
  @Field() code!: string;
  @Field(() => Float) target!: number;
  @Field({ description: 'at_least («не менее») или at_most («не более»)' }) direction!: string;
  @Field(() => Date) updatedAt!: Date;
}

const CodeField = () => allOf(Field(() => String), IsString({ message: 'Код показателя — строка.' }));

@ArgsType()
export class IndicatorTargetsArgs {
  @ReportingPeriodField() period!: string;
  @IdField('Регион или муниципалитет', { optional: true, description: 'Цели этого узла и узлов под ним; по умолчанию — своей области видимости' }) parentId?: string;
}

@InputType()
export class SetIndicatorTargetInput {
  @IdField('Регион или муниципалитет', { optional: true, description: 'По умолчанию — свой регион' }) tenantId?: string;
  @ReportingPeriodField() period!: string;
  @CodeField() code!: string;
  @Field(() => Float, { description: 'Проценты — от 0 до 100; количества — не меньше 0' })
  // Not IsNumber's maxDecimalPlaces: it splits the number's text at '.', and 1e-7 has none — a TypeError (schema fuzz).
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Цель — число (не больше двух знаков после запятой).' })
  @ValidateBy({ name: 'atMostTwoDecimals', validator: { validate: (v: unknown) => typeof v === 'number' && Math.round(v * 100) / 100 === v, defaultMessage: () => 'Цель — число, не больше двух знаков после запятой.' } })
  @Min(0, { message: 'Цель не может быть отрицательной.' })
  @Max(9999999, { message: 'Цель слишком велика.' })
  target!: number;
}

@ArgsType()
export class RemoveIndicatorTargetArgs {
  @IdField('Цель') id!: string;
}

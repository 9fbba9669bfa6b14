import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString } from 'class-validator';
import { allOf, IdField, ReportingPeriodField } from '@nastavnik/platform/graphql/input-fields';

const IndicatorCodeField = () => allOf(Field(() => String), IsString({ message: 'Код показателя — строка.' }));
const RegionOrMunicipalityField = (description?: string) => IdField('Регион или муниципалитет', { optional: true, description });

@ArgsType()
export class IndicatorValuesArgs {
  @ReportingPeriodField() period!: string;
  @IdField('Организация', { optional: true, description: 'Организация; по умолчанию своя' }) tenantId?: string;
}

@ArgsType()
export class IndicatorComparisonArgs {
  @ReportingPeriodField() period!: string;
  @IndicatorCodeField() code!: string;
  @RegionOrMunicipalityField('Регион или муниципалитет; по умолчанию свой') parentId?: string;
}

@ArgsType()
export class IndicatorTrendArgs {
  @IndicatorCodeField() code!: string;
  @RegionOrMunicipalityField() parentId?: string;
}

@ArgsType()
export class RequestRecomputeArgs {
  @ReportingPeriodField() period!: string;
}

@ArgsType()
export class IndicatorTableArgs {
  @ReportingPeriodField() period!: string;
  @Field(() => [String], { description: 'Коды показателей — столбцы таблицы, в этом порядке' })
  @IsArray({ message: 'Показатели: ожидается список.' })
  @ArrayMinSize(1, { message: 'Выберите хотя бы один показатель.' })
  @ArrayMaxSize(40, { message: 'Не больше 40 показателей в одной таблице.' })
  @IsString({ each: true, message: 'Код показателя — строка.' })
  codes!: string[];
  @RegionOrMunicipalityField('Регион или муниципалитет; по умолчанию свой') parentId?: string;
}

import { ArgsType, Field } from '@nestjs/graphql';
import { IsString } from 'class-validator';
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

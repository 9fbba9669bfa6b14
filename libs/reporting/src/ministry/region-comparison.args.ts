import { ArgsType } from '@nestjs/graphql';
import { ReportingPeriodField } from '@nastavnik/platform/graphql/input-fields';

@ArgsType()
export class RegionComparisonArgs {
  @ReportingPeriodField({ description: 'Учебный год, например 2022/2023' }) period!: string;
}

import { Module } from '@nestjs/common';
import { ContingentResolver } from './contingent.resolver';
import { ContingentService } from './contingent.service';

/** The school's contingent (docs/adr/0027): entered, imported and read in the caller's scope (api). */
@Module({ providers: [ContingentService, ContingentResolver], exports: [ContingentService] })
export class ContingentApiModule {}

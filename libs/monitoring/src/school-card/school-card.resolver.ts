import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { SchoolCardService } from './school-card.service';
import { SchoolCardArgs, SchoolCardType } from './school-card.types';

@Resolver()
export class SchoolCardResolver {
  constructor(private readonly cards: SchoolCardService) {}

  @Roles('region-analyst', 'platform-admin', 'curator')
  @Query(() => SchoolCardType, { description: 'Карточка организации для региона (агрегаты, без персональных данных)' })
  schoolCard(@Args() args: SchoolCardArgs): Promise<SchoolCardType> {
    return this.cards.card(args.tenantId, args.period);
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { MentoringPairEntity } from './mentoring-pair.entity';
import { ChangePairStatusInput, CreateMentoringPairInput, MentoringPairListArgs, UpdateMentoringPairInput } from '../dtos/mentoring-pair.inputs';
import { MentoringPairService } from './mentoring-pair.service';

@Resolver(() => MentoringPairEntity)
export class MentoringPairResolver {
  constructor(private readonly pairs: MentoringPairService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [MentoringPairEntity], { description: 'Наставнические пары и группы' })
  allMentoringPairs(@Args() args: MentoringPairListArgs): Promise<MentoringPairEntity[]> {
    return this.pairs.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allMentoringPairsMeta(@Args() args: MentoringPairListArgs): Promise<ListMetadata> {
    return { count: await this.pairs.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => MentoringPairEntity, { name: 'MentoringPair' })
  mentoringPair(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MentoringPairEntity> {
    return this.pairs.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MentoringPairEntity, { description: 'Создаёт черновик пары (группы); участники — с действующим согласием' })
  createMentoringPair(@Args('input') input: CreateMentoringPairInput): Promise<MentoringPairEntity> {
    return this.pairs.create(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MentoringPairEntity)
  updateMentoringPair(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMentoringPairInput): Promise<MentoringPairEntity> {
    return this.pairs.update(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MentoringPairEntity, { description: 'Черновик → действует → завершена | прекращена досрочно' })
  changeMentoringPairStatus(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: ChangePairStatusInput): Promise<MentoringPairEntity> {
    return this.pairs.changeStatus(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MentoringPairEntity, { description: 'Удаляет черновик пары' })
  deleteMentoringPair(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MentoringPairEntity> {
    return this.pairs.remove(id);
  }
}

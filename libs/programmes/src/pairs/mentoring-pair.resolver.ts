import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { MentoringPairEntity } from './mentoring-pair.entity';
import { ChangePairStatusInput, CreateMentoringPairInput, MentoringPairListArgs, UpdateMentoringPairInput } from '../dtos/mentoring-pair.inputs';
import { MentoringPairService } from './mentoring-pair.service';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

const EDITORS = ['curator', 'platform-admin'] as const;

@Resolver(() => MentoringPairEntity)
export class MentoringPairResolver extends crudResolver({
  entity: MentoringPairEntity,
  names: { many: 'MentoringPairs', one: 'MentoringPair' },
  listArgs: MentoringPairListArgs,
  create: CreateMentoringPairInput,
  update: UpdateMentoringPairInput,
  delete: true,
  roles: { read: EDITORS, write: EDITORS },
  descriptions: {
    list: 'Наставнические пары и группы',
    create: 'Создаёт черновик пары (группы); участники — с действующим согласием',
    delete: 'Удаляет черновик пары',
  },
  service: MentoringPairService,
}) {
  @Roles(...EDITORS)
  @Mutation(() => MentoringPairEntity, { description: 'Черновик → действует → завершена | прекращена досрочно' })
  @Journaled({ entity: 'MentoringPair', action: 'update', operation: 'changeMentoringPairStatus', input: 1 })
  changeMentoringPairStatus(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: ChangePairStatusInput): Promise<MentoringPairEntity> {
    return this.service.changeStatus(id, input);
  }
}

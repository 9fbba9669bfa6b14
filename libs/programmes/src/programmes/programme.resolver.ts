import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { ProgrammeEntity, ProgrammeStatus } from './programme.entity';
import { CreateProgrammeInput, ProgrammeListArgs, UpdateProgrammeInput } from '../dtos/programme.inputs';
import { ProgrammeService } from './programme.service';

const EDITORS = ['curator', 'platform-admin'] as const;

@Resolver(() => ProgrammeEntity)
export class ProgrammeResolver extends crudResolver({
  entity: ProgrammeEntity,
  names: { many: 'Programmes', one: 'Programme' },
  listArgs: ProgrammeListArgs,
  create: CreateProgrammeInput,
  update: UpdateProgrammeInput,
  delete: true,
  roles: { read: EDITORS, write: EDITORS },
  descriptions: { list: 'Программы наставничества организации', delete: 'Удаляет черновик без пар и встреч' },
  service: ProgrammeService,
}) {
  @Roles(...EDITORS)
  @Mutation(() => ProgrammeEntity, { description: 'Черновик → реализуется → завершена' })
  changeProgrammeStatus(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('status', { type: () => ProgrammeStatus }) status: ProgrammeStatus): Promise<ProgrammeEntity> {
    return this.service.changeStatus(id, status);
  }
}

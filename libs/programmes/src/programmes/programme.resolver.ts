import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { ProgrammeEntity, ProgrammeStatus } from './programme.entity';
import { CreateProgrammeInput, ProgrammeListArgs, UpdateProgrammeInput } from '../dtos/programme.inputs';
import { ProgrammeService } from './programme.service';

@Resolver(() => ProgrammeEntity)
export class ProgrammeResolver {
  constructor(private readonly programmes: ProgrammeService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [ProgrammeEntity], { description: 'Программы наставничества организации' })
  allProgrammes(@Args() args: ProgrammeListArgs): Promise<ProgrammeEntity[]> {
    return this.programmes.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allProgrammesMeta(@Args() args: ProgrammeListArgs): Promise<ListMetadata> {
    return { count: await this.programmes.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ProgrammeEntity, { name: 'Programme' })
  programme(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ProgrammeEntity> {
    return this.programmes.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => ProgrammeEntity)
  createProgramme(@Args('input') input: CreateProgrammeInput): Promise<ProgrammeEntity> {
    return this.programmes.create(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => ProgrammeEntity)
  updateProgramme(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateProgrammeInput): Promise<ProgrammeEntity> {
    return this.programmes.update(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => ProgrammeEntity, { description: 'Черновик → реализуется → завершена' })
  changeProgrammeStatus(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('status', { type: () => ProgrammeStatus }) status: ProgrammeStatus): Promise<ProgrammeEntity> {
    return this.programmes.changeStatus(id, status);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => ProgrammeEntity, { description: 'Удаляет черновик без пар и встреч' })
  deleteProgramme(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ProgrammeEntity> {
    return this.programmes.remove(id);
  }
}

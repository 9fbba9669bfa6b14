import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { RoadmapReport } from './roadmap-report.types';
import { RoadmapEntity, RoadmapItemEntity } from './roadmap.entity';
import {
  CreateRoadmapInput, CreateRoadmapItemInput, RoadmapItemListArgs, RoadmapListArgs, UpdateRoadmapInput, UpdateRoadmapItemInput,
} from '../dtos/roadmap.inputs';
import { RoadmapService } from './roadmap.service';

@Resolver(() => RoadmapEntity)
export class RoadmapResolver {
  constructor(private readonly roadmaps: RoadmapService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [RoadmapEntity], { description: 'Дорожные карты организации' })
  allRoadmaps(@Args() args: RoadmapListArgs): Promise<RoadmapEntity[]> {
    return this.roadmaps.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allRoadmapsMeta(@Args() args: RoadmapListArgs): Promise<ListMetadata> {
    return { count: await this.roadmaps.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => RoadmapEntity, { name: 'Roadmap' })
  roadmap(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoadmapEntity> {
    return this.roadmaps.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => RoadmapReport, { name: 'RoadmapReport', description: 'Отчёт об исполнении дорожной карты (мероприятия по этапам с результатами)' })
  roadmapReport(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoadmapReport> {
    return this.roadmaps.report(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => RoadmapEntity)
  createRoadmap(@Args('input') input: CreateRoadmapInput): Promise<RoadmapEntity> {
    return this.roadmaps.create(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => RoadmapEntity)
  updateRoadmap(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateRoadmapInput): Promise<RoadmapEntity> {
    return this.roadmaps.update(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => RoadmapEntity, { description: 'Удаляет карту вместе с мероприятиями' })
  deleteRoadmap(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoadmapEntity> {
    return this.roadmaps.remove(id);
  }
}

@Resolver(() => RoadmapItemEntity)
export class RoadmapItemResolver {
  constructor(private readonly roadmaps: RoadmapService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [RoadmapItemEntity], { description: 'Мероприятия дорожных карт' })
  allRoadmapItems(@Args() args: RoadmapItemListArgs): Promise<RoadmapItemEntity[]> {
    return this.roadmaps.listItems(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allRoadmapItemsMeta(@Args() args: RoadmapItemListArgs): Promise<ListMetadata> {
    return { count: await this.roadmaps.countItems(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => RoadmapItemEntity, { name: 'RoadmapItem' })
  roadmapItem(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoadmapItemEntity> {
    return this.roadmaps.getItem(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => RoadmapItemEntity)
  createRoadmapItem(@Args('input') input: CreateRoadmapItemInput): Promise<RoadmapItemEntity> {
    return this.roadmaps.createItem(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => RoadmapItemEntity)
  updateRoadmapItem(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateRoadmapItemInput): Promise<RoadmapItemEntity> {
    return this.roadmaps.updateItem(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => RoadmapItemEntity)
  deleteRoadmapItem(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoadmapItemEntity> {
    return this.roadmaps.removeItem(id);
  }
}

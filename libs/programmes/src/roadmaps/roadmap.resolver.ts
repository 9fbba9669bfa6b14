import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { RoadmapReport } from './roadmap-report.types';
import { RoadmapEntity, RoadmapItemEntity } from './roadmap.entity';
import {
  CreateRoadmapInput, CreateRoadmapItemInput, RoadmapItemListArgs, RoadmapListArgs, UpdateRoadmapInput, UpdateRoadmapItemInput,
} from '../dtos/roadmap.inputs';
import { RoadmapService } from './roadmap.service';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

const EDITORS = ['curator', 'platform-admin'] as const;
/** A region analyst reads its schools' roadmaps (seed 004, item 34: the school reports their execution to the region); row-level security keeps it to its region. */
const READERS = [...EDITORS, 'region-analyst'] as const;

@Resolver(() => RoadmapEntity)
export class RoadmapResolver extends crudResolver({
  entity: RoadmapEntity,
  names: { many: 'Roadmaps', one: 'Roadmap' },
  listArgs: RoadmapListArgs,
  create: CreateRoadmapInput,
  update: UpdateRoadmapInput,
  delete: true,
  roles: { read: READERS, write: EDITORS },
  descriptions: { list: 'Дорожные карты организации', delete: 'Удаляет карту вместе с мероприятиями' },
  service: RoadmapService,
}) {
  @Roles(...READERS)
  @Query(() => RoadmapReport, { name: 'RoadmapReport', description: 'Отчёт об исполнении дорожной карты (мероприятия по этапам с результатами)' })
  @Journaled({ entity: 'RoadmapItem', action: 'read', operation: 'RoadmapReport', records: (result) => (result as RoadmapReport).sections.flatMap((section) => section.items) })
  roadmapReport(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoadmapReport> {
    return this.service.report(id);
  }
}

/** The roadmap's items are served by RoadmapService under their own method names. */
@Resolver(() => RoadmapItemEntity)
export class RoadmapItemResolver extends crudResolver({
  entity: RoadmapItemEntity,
  names: { many: 'RoadmapItems', one: 'RoadmapItem' },
  listArgs: RoadmapItemListArgs,
  create: CreateRoadmapItemInput,
  update: UpdateRoadmapItemInput,
  delete: true,
  roles: { read: READERS, write: EDITORS },
  descriptions: { list: 'Мероприятия дорожных карт' },
  service: RoadmapService,
  operations: (roadmaps) => ({
    list: (args, filter) => roadmaps.listItems(args, filter),
    count: (filter) => roadmaps.countItems(filter),
    get: (id) => roadmaps.getItem(id),
    create: (input) => roadmaps.createItem(input),
    update: (id, input) => roadmaps.updateItem(id, input),
    remove: (id) => roadmaps.removeItem(id),
  }),
}) {}

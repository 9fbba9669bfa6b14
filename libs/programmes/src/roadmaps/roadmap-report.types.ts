import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ProgrammeStageEntity } from '../reference/reference.entities';
import { RoadmapEntity, RoadmapItemEntity } from './roadmap.entity';

@ObjectType({ description: 'Раздел отчёта: этап и его мероприятия' })
export class RoadmapReportSection {
  @Field(() => ProgrammeStageEntity, { nullable: true, description: 'Этап; нет — мероприятия без этапа' })
  stage!: ProgrammeStageEntity | null;

  @Field(() => [RoadmapItemEntity])
  items!: RoadmapItemEntity[];
}

@ObjectType({ description: 'Сколько мероприятий в каком состоянии исполнения' })
export class RoadmapReportTotals {
  @Field(() => Int) total!: number;
  @Field(() => Int) planned!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) notDone!: number;
}

/**
 * «Отчет об исполнении дорожной карты … за 2022-2023 уч. год» (seed 004): the items grouped by
 * stage in stage order, each with its schedule, responsible and execution result.
 */
@ObjectType({ description: 'Отчёт об исполнении дорожной карты' })
export class RoadmapReport {
  @Field(() => RoadmapEntity)
  roadmap!: RoadmapEntity;

  @Field(() => [RoadmapReportSection])
  sections!: RoadmapReportSection[];

  @Field(() => RoadmapReportTotals)
  totals!: RoadmapReportTotals;
}

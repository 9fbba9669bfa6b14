import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { AcademicYearField, IdField, IntField } from '@nastavnik/platform/graphql/input-fields';

@InputType({ description: 'Выдать персональные ссылки на анкету всем участникам программы, которым её можно отправить письмом' })
export class IssueProgrammeLinksInput {
  @IdField('Программа', { description: 'Программа наставничества' }) programmeId!: string;
  @IdField('Анкета', { description: 'Анкета (актуальная версия); по её респонденту — наставникам или наставляемым действующих пар' }) templateId!: string;
  @AcademicYearField({ optional: true, description: 'Учебный год ответов (по умолчанию — текущий)' }) academicYear?: string;
  @IntField('Срок действия, дней', 1, 90, { optional: true, description: 'Срок действия в днях (по умолчанию 14, не больше 90)' }) expiresInDays?: number;
}

/** What issuing for a programme did, as counts: the ids and addresses stay on «Уведомления» (no personal data here). */
@ObjectType('ProgrammeLinksResult', { description: 'Итог выдачи ссылок программе' })
export class ProgrammeLinksResult {
  @Field(() => Int, { description: 'Участников программы, кому предназначена анкета' }) total!: number;
  @Field(() => Int, { description: 'Выдано ссылок, письма поставлены в очередь' }) issued!: number;
  @Field(() => Int, { description: 'Уже есть действующая ссылка на эту анкету за этот год — не выдано повторно' }) alreadyIssued!: number;
  @Field(() => Int, { description: 'Нет действующего согласия на анкетирование — не выдано' }) noConsent!: number;
  @Field(() => Int, { description: 'Нет адреса (для несовершеннолетнего — адреса законного представителя) — не выдано' }) noAddress!: number;
  @Field(() => [ID], { description: 'Выданные ссылки (их адреса — только в письмах)' }) linkIds!: string[];
  /** The programme's school (the access journal's records), not in the schema. */
  tenantId!: string;
}

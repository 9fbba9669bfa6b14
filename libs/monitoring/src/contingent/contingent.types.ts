import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';

/** Ages on 1 September a contingent may list (the table's check): pre-school classes to evening schools. */
export const CONTINGENT_MIN_AGE = 5;
export const CONTINGENT_MAX_AGE = 25;
export const MAX_PUPILS_PER_AGE = 10_000;
export const MAX_TEACHERS = 5_000;

/** How the contingent came in. */
export const ContingentSource = { CONSOLE: 'console', SCHOOL_IMPORT: 'school-import', REGION_IMPORT: 'region-import' } as const;
export type ContingentSource = (typeof ContingentSource)[keyof typeof ContingentSource];
describeEnum(ContingentSource, 'ContingentSource', 'Откуда взят контингент', {
  CONSOLE: 'внесён в консоли',
  SCHOOL_IMPORT: 'загружен школой из файла',
  REGION_IMPORT: 'загружен регионом из файла',
});

/** Which population an indicator's denominator counted (docs/adr/0027). */
export const DenominatorSource = { CONTINGENT: 'contingent', REGISTERED: 'registered', MIXED: 'mixed' } as const;
export type DenominatorSource = (typeof DenominatorSource)[keyof typeof DenominatorSource];
describeEnum(DenominatorSource, 'DenominatorSource', 'Откуда взят знаменатель показателя: контингент организации (численность, внесённая школой или регионом) или зарегистрированные участники', {
  CONTINGENT: 'по контингенту',
  REGISTERED: 'по зарегистрированным',
  MIXED: 'по контингенту и по зарегистрированным',
});

@ObjectType('ContingentAge', { description: 'Обучающиеся одного возраста на 1 сентября' })
export class ContingentAgeType {
  @Field(() => Int, { description: 'Полных лет на 1 сентября учебного года' }) age!: number;
  @Field(() => Int, { description: 'Обучающихся этого возраста' }) pupils!: number;
}

@ObjectType('SchoolContingent', { description: 'Контингент организации за учебный год: обучающиеся по возрасту на 1 сентября и педагогические работники (только количества)' })
export class SchoolContingentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenantId!: string;
  @Field({ description: 'Организация' }) tenantName!: string;
  @Field({ description: 'Код организации' }) tenantCode!: string;
  @Field({ description: 'Учебный год, например 2022/2023' }) schoolYear!: string;
  @Field(() => [ContingentAgeType], { description: 'Обучающиеся по возрасту на 1 сентября (возрасты без обучающихся не перечисляются)' }) ages!: ContingentAgeType[];
  @Field(() => Int, { description: 'Педагогические работники' }) teachers!: number;
  @Field(() => Int, { description: 'Обучающихся всего' }) pupils!: number;
  @Field(() => Int, { description: 'Обучающихся 10–19 лет (знаменатель T1)' }) pupils10To19!: number;
  @Field(() => Int, { description: 'Обучающихся 15–19 лет (знаменатель T2)' }) pupils15To19!: number;
  @Field(() => ContingentSource) source!: ContingentSource;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('ContingentImportProblem', { description: 'Ошибка в строке файла контингента' })
export class ContingentImportProblem {
  @Field(() => Int, { nullable: true, description: 'Номер строки, как в таблице (нет — ошибка всего файла)' }) line!: number | null;
  @Field(() => String, { nullable: true, description: 'Столбец' }) column!: string | null;
  @Field() message!: string;
}

@ObjectType('ContingentImportLine', { description: 'Строка файла контингента, как она будет записана' })
export class ContingentImportLine {
  @Field(() => Int) line!: number;
  @Field(() => ID) tenantId!: string;
  @Field() tenantCode!: string;
  @Field() tenantName!: string;
  @Field() schoolYear!: string;
  @Field(() => Int) pupils!: number;
  @Field(() => Int) pupils10To19!: number;
  @Field(() => Int) pupils15To19!: number;
  @Field(() => Int) teachers!: number;
  @Field({ description: 'Контингент за этот год уже был и будет заменён' }) replaces!: boolean;
}

@ObjectType('ContingentImportReport', { description: 'Итог загрузки контингента (пробной или настоящей)' })
export class ContingentImportReport {
  @Field({ description: 'Пробная загрузка: ничего не записано' }) dryRun!: boolean;
  @Field({ description: 'Записано (только настоящая загрузка без ошибок)' }) committed!: boolean;
  @Field(() => [ContingentImportLine]) lines!: ContingentImportLine[];
  @Field(() => [ContingentImportProblem]) errors!: ContingentImportProblem[];
}

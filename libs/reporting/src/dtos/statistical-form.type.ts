import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { FormDefinition } from '../forms/form-definitions';

/** One version of a federal statistical form (forms/*.json), as a client offers it for an extract. */
@ObjectType('StatisticalForm', { description: 'Статистическая форма выгрузки (одна версия)' })
export class StatisticalFormType {
  @Field({ description: 'Код формы, например MENTORING-R145' })
  code!: string;

  @Field({ description: 'Обозначение формы по-русски, например МОНИТОРИНГ-НАСТАВНИЧЕСТВО (Р-145)' })
  name!: string;

  @Field({ description: 'Версия формы' })
  version!: string;

  @Field({ description: 'Действует с (ГГГГ-ММ-ДД)' })
  validFrom!: string;

  @Field({ description: 'Наименование формы' })
  title!: string;

  @Field(() => Int, { description: 'Число строк формы' })
  lines!: number;

  static of(form: FormDefinition): StatisticalFormType {
    return Object.assign(new StatisticalFormType(), { code: form.code, name: form.name, version: form.version, validFrom: form.validFrom, title: form.title, lines: form.rows.length });
  }
}

import { ArgsType, Field, InputType, ObjectType, Int } from '@nestjs/graphql';
import { IsEmail } from 'class-validator';
import { allOf, BoolField, EnumField, FilterField, FilterIdsField, IdField, IntField, presence, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import type { NotificationKind, NotificationStatus } from '../notification.codes';
import { NotificationKindEnum, NotificationStatusEnum } from '../notification.entity';

const STATUS_MESSAGE = 'Состояние: PENDING, SENDING, SENT, FAILED, CANCELLED или UNCERTAIN.';
const KIND_MESSAGE = 'Вид уведомления: одно из значений NotificationKind.';

/** An e-mail address (up to 200 characters). */
function EmailField(label: string, options: { optional?: boolean; nullable?: boolean } = {}): PropertyDecorator {
  return allOf(
    Field(() => String, { nullable: options.optional || options.nullable, description: label }),
    ...presence(options),
    IsEmail({}, { message: `${label}: некорректный адрес электронной почты.` }),
  );
}

@InputType({ description: 'Отбор уведомлений' })
export class NotificationFilter {
  @FilterIdsField() ids?: string[];
  @EnumField(NotificationStatusEnum, STATUS_MESSAGE, { optional: true }) status?: NotificationStatus;
  @EnumField(NotificationKindEnum, KIND_MESSAGE, { optional: true }) kind?: NotificationKind;
  @IdField('Участник', { optional: true }) participantId?: string;
  @TextField('Адрес', 0, 200, { optional: true, description: 'Часть адреса получателя' }) q?: string;
}

@ArgsType()
export class NotificationListArgs extends ListArgs {
  @FilterField(() => NotificationFilter) filter?: NotificationFilter;
}

/** The thresholds a school sets for itself and a region for its schools (empty: the level above decides). */
@InputType({ isAbstract: true })
abstract class NotificationThresholdsInput {
  @IntField('Напомнить о незаполненной анкете через, дней', 1, 60, { nullable: true }) linkReminderDays?: number | null;
  @IntField('Пара без встреч дольше, дней', 1, 365, { nullable: true }) pairIdleDays?: number | null;
  @IntField('Предупреждать о сроке мероприятия за, дней', 1, 60, { nullable: true }) roadmapDueDays?: number | null;
  @BoolField('Еженедельная сводка', { nullable: true }) digestEnabled?: boolean | null;
}

@InputType({ description: 'Настройки уведомлений школы (пусто — как в регионе)' })
export class NotificationSettingsInput extends NotificationThresholdsInput {
  @EmailField('Адрес куратора для напоминаний и сводки', { nullable: true }) curatorEmail?: string | null;
}

@InputType({ description: 'Настройки уведомлений региона: значения по умолчанию для его школ (пусто — как на платформе) и адрес аналитиков' })
export class RegionNotificationSettingsInput extends NotificationThresholdsInput {
  @EmailField('Адрес аналитиков региона для списка школ, не сдавших отчёт', { nullable: true }) analystEmail?: string | null;
}

@InputType({ description: 'Адрес для писем участнику (для несовершеннолетнего — законному представителю)' })
export class NotificationContactInput {
  @IdField('Участник') participantId!: string;
  @EmailField('Адрес') email!: string;
  @TextField('Имя получателя', 1, 300, { nullable: true }) name?: string | null;
  @BoolField('Законный представитель', { optional: true }) representative?: boolean;
}

/** Own values (null: not set at this level) and the values in force. */
@ObjectType({ isAbstract: true })
abstract class NotificationThresholdsView {
  @Field(() => Int, { nullable: true, description: 'Своё значение' }) linkReminderDays!: number | null;
  @Field(() => Int, { nullable: true }) pairIdleDays!: number | null;
  @Field(() => Int, { nullable: true }) roadmapDueDays!: number | null;
  @Field(() => Boolean, { nullable: true }) digestEnabled!: boolean | null;
  @Field(() => Int, { description: 'Действующее значение' }) effectiveLinkReminderDays!: number;
  @Field(() => Int) effectivePairIdleDays!: number;
  @Field(() => Int) effectiveRoadmapDueDays!: number;
  @Field() effectiveDigestEnabled!: boolean;
}

@ObjectType('NotificationSettings', { description: 'Настройки уведомлений: свои значения школы и действующие (с учётом региона и платформы)' })
export class NotificationSettingsView extends NotificationThresholdsView {
  @Field(() => String, { nullable: true }) curatorEmail!: string | null;
}

@ObjectType('RegionNotificationSettings', { description: 'Настройки уведомлений региона: значения по умолчанию для школ и действующие (с учётом платформы), адрес аналитиков' })
export class RegionNotificationSettingsView extends NotificationThresholdsView {
  @Field(() => String, { nullable: true }) analystEmail!: string | null;
}

@ObjectType('NotificationContact', { description: 'Адрес для писем участнику' })
export class NotificationContactView {
  @Field() participantId!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field() representative!: boolean;
}

@ObjectType('NotificationPreview', { description: 'Письмо, как его увидит получатель' })
export class NotificationPreview {
  @Field() subject!: string;
  @Field() text!: string;
  @Field() html!: string;
}

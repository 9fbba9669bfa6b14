import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import type { ConsoleResource } from '../registry';
import { BaseEntryCreate } from './BaseEntryCreate';
import { ConsentCreate } from './ConsentCreate';

/**
 * A participant's consents and base entries: created from the participant's card (no list of
 * their own; the card shows them). Personal data: curators of the school and the platform admin.
 */
export const consents: ConsoleResource = {
  name: 'consents',
  graphqlType: 'Consent',
  icon: VerifiedUserIcon,
  create: ConsentCreate,
  access: { curator: ['create'], 'platform-admin': ['create'] },
  messages: {
    name: 'Согласие |||| Согласия',
    add: 'Новое согласие на обработку персональных данных',
    hint: 'Внесите сведения с бумажного согласия. За несовершеннолетнего участника согласие подписывает законный представитель.',
    fields: {
      participantId: 'Участник',
      signedBy: 'Кто подписал',
      representativeName: 'ФИО законного представителя',
      representativeRelation: 'Кем приходится',
      signedOn: 'Дата подписания',
      validUntil: 'Действует до',
      purposes: 'Цели обработки',
      documentRef: 'Реквизиты документа (номер, место хранения)',
    },
  },
};

export const baseEntries: ConsoleResource = {
  name: 'participant-base-entries',
  graphqlType: 'ParticipantBaseEntry',
  icon: AssignmentIndIcon,
  create: BaseEntryCreate,
  access: { curator: ['create'], 'platform-admin': ['create'] },
  messages: {
    name: 'Запись в базе |||| Записи в базах',
    add: 'Включение в базу наставников или наставляемых',
    hint: 'Базы наставников и наставляемых — источник для подбора пар. Включайте участника после собеседования или анкетирования.',
    fields: {
      participantId: 'Участник',
      base: 'База',
      status: 'Состояние в базе',
      includedOn: 'Дата включения в базу',
      surveyedOn: 'Дата анкетирования',
      categories: 'Категории',
      competencies: 'Компетенции и возможности наставника',
      maxMentees: 'Сколько наставляемых может взять (1–30)',
      trainedOn: 'Дата обучения',
      trainingForm: 'Форма обучения',
      councilMember: 'Член совета наставников',
      request: 'Запрос наставляемого',
      motivation: 'Мотивация участия',
      withdrawalReason: 'Причина выбытия',
    },
  },
};

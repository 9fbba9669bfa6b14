import CategoryIcon from '@mui/icons-material/Category';
import type { ConsoleResource } from '../registry';
import { ReferenceCreate, ReferenceEdit, ReferenceList, ReferenceShow } from './ReferenceViews';

const fields = {
  code: 'Код',
  title: 'Наименование',
  shortTitle: 'Краткое наименование',
  description: 'Описание',
  goal: 'Цель',
  isActive: 'Используется',
  sortOrder: 'Порядок',
  source: 'Источник',
  number: 'Номер',
  task: 'Задача',
  result: 'Результат',
  q: 'Поиск',
  expectedResults: 'Ожидаемые результаты',
  tasks: 'Задачи',
  mentorKinds: 'Кто может быть наставником',
  menteeKinds: 'Кто может быть наставляемым',
  mentorMinAge: 'Возраст наставника, не младше',
  menteeMinAge: 'Возраст наставляемого, не младше',
  menteeMaxAge: 'Возраст наставляемого, не старше',
  mentorProfile: 'Портрет наставника',
  menteeProfile: 'Портрет наставляемого',
  mentorUsuallyOlder: 'Наставник обычно старше',
  scope: 'Для кого встреча',
  audience: 'Для кого',
  formId: 'Форма наставничества',
  createdAt: 'Создано',
  updatedAt: 'Изменено',
};

/** Справочники платформы: read by every curator, edited by the platform admin only. */
function reference(name: string, graphqlType: string, label: string): ConsoleResource {
  return {
    name,
    graphqlType,
    icon: CategoryIcon,
    recordRepresentation: 'title',
    list: ReferenceList,
    show: ReferenceShow,
    edit: ReferenceEdit,
    create: ReferenceCreate,
    access: {
      'platform-admin': ['list', 'show', 'create', 'edit'],
      curator: ['list', 'show'],
    },
    messages: { name: label, fields },
  };
}

export const mentoringForms = reference('mentoring-forms', 'MentoringForm', 'Форма наставничества |||| Формы наставничества');
export const mentoringDirections = reference('mentoring-directions', 'MentoringDirection', 'Направление |||| Направления наставничества');
export const mentoringFormats = reference('mentoring-formats', 'MentoringFormat', 'Вид наставничества |||| Виды наставничества');
export const menteeInterests = reference('mentee-interests', 'MenteeInterest', 'Область интересов |||| Области интересов');
export const programmeStages = reference('programme-stages', 'ProgrammeStage', 'Этап реализации |||| Этапы реализации');
export const meetingTypes = reference('meeting-types', 'MeetingType', 'Вид встречи |||| Виды встреч');
export const roleModels = reference('role-models', 'RoleModel', 'Ролевая модель |||| Ролевые модели');

import type { ResourceMessages } from '../registry';

export const tenantMessages: ResourceMessages = {
  name: 'Регион, муниципалитет или организация |||| Регионы и организации',
  fields: {
    id: 'Идентификатор',
    kind: 'Уровень',
    code: 'Код',
    path: 'Путь в структуре',
    parentId: 'Входит в',
    fullName: 'Полное наименование',
    shortName: 'Краткое наименование',
    orgType: 'Тип организации',
    address: 'Адрес',
    createdAt: 'Добавлено',
    updatedAt: 'Изменено',
    q: 'Поиск',
  },
  page: {
    create: 'Новый регион, муниципалитет или организация',
  },
  children: 'Входящие узлы',
  codeHelp: 'Постоянный код латиницей, например demo-city или sch51; после создания не меняется.',
  codeFixed: 'Код не меняется после создания.',
  parentHelp: 'Перенос переносит узел вместе со всеми входящими в него.',
  searchPlaceholder: 'Наименование или код',
};

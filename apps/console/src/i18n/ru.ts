import russianMessages from 'ra-language-russian';
import type { TranslationMessages } from 'react-admin';

/** Texts of the console itself (menus, dashboards, login); resource labels live with each resource. */
export const consoleMessages = {
  app: {
    title: 'Наставник',
    subtitle: 'Региональная платформа целевой модели наставничества',
  },
  roles: {
    'platform-admin': 'Администратор платформы',
    'ministry-official': 'Специалист министерства',
    'region-analyst': 'Аналитик регионального центра',
    curator: 'Куратор программы наставничества',
  },
  menu: {
    home: 'Главная',
    region: 'Мой регион',
    overview: 'Обзор регионов',
    myOrganisation: 'Моя организация',
  },
  login: {
    title: 'Вход в платформу «Наставник»',
    devMode: 'Режим разработки: вход без пароля от имени демонстрационного пользователя. В рабочей установке вход выполняется через Keycloak.',
    choose: 'Выберите пользователя',
    signingIn: 'Вход…',
    noUsers: 'Сервер не вернул ни одного демонстрационного пользователя.',
  },
  dashboard: {
    admin: {
      title: 'Структура платформы',
      intro: 'Регионы, муниципалитеты и образовательные организации, подключённые к платформе.',
      addRegion: 'Добавить регион',
      addMunicipality: 'Добавить муниципалитет',
      addOrganisation: 'Добавить организацию',
    },
    region: {
      title: 'Мой регион',
      organisationsByMunicipality: 'Образовательные организации по муниципалитетам',
      organisationsByRegion: 'Образовательные организации по регионам',
      organisations: 'Образовательные организации',
      noMunicipality: 'Без муниципалитета',
      empty: 'В регионе пока нет образовательных организаций.',
    },
    ministry: {
      title: 'Регионы и организации',
      intro: 'Регионы, подключённые к платформе, и число образовательных организаций в каждом.',
      allRegions: 'Все регионы',
    },
    counts: {
      regions: 'Регионы',
      municipalities: 'Муниципалитеты',
      organisations: 'Организации',
    },
    curator: {
      title: 'Моя организация',
      notBound: 'Учётная запись не привязана к организации. Обратитесь к администратору платформы.',
    },
    chartCount: 'Организаций',
  },
  actions: {
    done: 'Готово',
  },
  errors: {
    loadFailed: 'Не удалось загрузить данные',
    notAvailable: 'Запись недоступна',
    accessDeniedTitle: 'Нет доступа',
    accessDenied: 'Раздел недоступен для роли «%{role}». Если доступ нужен по работе, обратитесь к администратору платформы.',
  },
  tenantKind: {
    REGION: 'Регион',
    MUNICIPALITY: 'Муниципалитет',
    ORGANISATION: 'Образовательная организация',
  },
  /** Short labels for chips in tables. */
  tenantKindShort: {
    REGION: 'Регион',
    MUNICIPALITY: 'Муниципалитет',
    ORGANISATION: 'Организация',
  },
  orgType: {
    SCHOOL: 'Общеобразовательная школа',
    GYMNASIUM: 'Гимназия',
    LYCEUM: 'Лицей',
    BOARDING_SCHOOL: 'Школа-интернат',
    COLLEGE: 'Колледж (СПО)',
    ADDITIONAL_EDUCATION: 'Дополнительное образование',
    OTHER: 'Иная организация',
  },
};

/** react-admin's Russian messages, completed where ra-language-russian lags behind react-admin 5.15. */
export function russianBase(): TranslationMessages {
  return {
    ...russianMessages,
    ra: {
      ...russianMessages.ra,
      guesser: { empty: { title: 'Нет данных', message: 'Проверьте поставщика данных' } },
      // «Создать Встреча» is not Russian: the form's title names the record, then says it is new.
      page: { ...russianMessages.ra.page, create: '%{name}: новая запись', show: '%{name}: %{recordRepresentation}', edit: '%{name}: %{recordRepresentation}' },
    },
  } as TranslationMessages;
}

import { AppException } from '@nastavnik/platform/errors/app.exceptions';

/** What a respondent sees when a personal link does not work. The codes are stable for clients. */
export class LinkInvalidException extends AppException {
  constructor() {
    super(
      'LINK_INVALID',
      'Ссылка на анкету недействительна. Проверьте, что она скопирована полностью, или попросите куратора программы наставничества выдать новую.',
      404,
    );
  }
}

export class LinkExpiredException extends AppException {
  constructor() {
    super(
      'LINK_EXPIRED',
      'Срок действия ссылки на анкету истёк. Попросите куратора программы наставничества выдать новую ссылку.',
      410,
    );
  }
}

export class LinkUsedException extends AppException {
  constructor() {
    super(
      'LINK_USED',
      'По этой ссылке анкета уже заполнена: ссылка действует один раз. Если нужно заполнить анкету снова, обратитесь к куратору.',
      409,
    );
  }
}

export class LinkWithdrawnException extends AppException {
  constructor() {
    super(
      'LINK_WITHDRAWN',
      'Ссылка на анкету отозвана: согласие на участие в анкетировании отозвано. Если это ошибка, обратитесь к куратору программы наставничества.',
      410,
    );
  }
}

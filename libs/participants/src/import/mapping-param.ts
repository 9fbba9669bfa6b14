import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { textProblem } from '@nastavnik/platform/graphql/validators';
import type { ColumnMapping } from './column-layout';
import { ImportField, importFieldKey } from './import-fields';
import { mappingOf } from './saved-mappings';

const MAX_MAPPED_COLUMNS = 60;
const SHAPE = 'Сопоставление столбцов (mapping): ожидается JSON-объект {"Название столбца": "ПОЛЕ"}, например {"Возраст": "IGNORE", "Чем увлекается": "INTERESTS"}.';

/**
 * The REST routes' `mapping` parameter: a JSON object from headings to `ImportField` names, as
 * the console sends it. Anything else is refused with what was expected; nothing from it is used
 * as a key into a plain object (the pairs go into a Map).
 */
export function parseMappingParam(text: string | undefined): ColumnMapping {
  if (text === undefined || text === '') return new Map();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationFailedException(SHAPE);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ValidationFailedException(SHAPE);
  const entries = Object.entries(value);
  if (entries.length > MAX_MAPPED_COLUMNS) throw new ValidationFailedException(`Сопоставление столбцов (mapping): не больше ${MAX_MAPPED_COLUMNS} столбцов.`);
  const pairs = entries.map(([heading, field]) => {
    if (typeof field !== 'string' || !importFieldKey(field)) {
      const shown = typeof field === 'string' ? `«${field.slice(0, 40)}»` : 'значение';
      throw new ValidationFailedException(`Сопоставление столбцов (mapping): ${shown} — не поле загрузки; допустимы ${Object.values(ImportField).join(', ')}.`);
    }
    if (heading.trim() === '' || heading.length > 200 || textProblem(heading) !== undefined) {
      throw new ValidationFailedException('Сопоставление столбцов (mapping): название столбца — от 1 до 200 символов, без управляющих символов.');
    }
    return { heading, field };
  });
  return mappingOf(pairs);
}

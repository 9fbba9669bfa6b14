import { InputType } from '@nestjs/graphql';
import { FilterIdsField, SearchField } from '@nastavnik/platform/graphql/input-fields';

/** What every list of an organisation's records can be filtered by (react-admin `q` and `ids`). */
@InputType({ isAbstract: true })
export abstract class BaseFilter {
  @SearchField('Поиск по тексту') q?: string;
  @FilterIdsField() ids?: string[];
}

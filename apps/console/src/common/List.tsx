import { List as RaList, type ListProps, type RaRecord } from 'react-admin';
import { useRecordsExporter } from './csvExport';

/**
 * react-admin's `<List>` with the console's formula-safe CSV export (`csvExport.ts`) instead of
 * react-admin's default exporter, which writes cells as they are. Every list of the console
 * imports `List` from here; a list with columns of its own passes `exporter` (participants).
 *
 * An empty list keeps its own page — filters, «Создать» and «Экспорт» in the toolbar, «Результатов
 * не найдено» in the table — instead of react-admin's empty page, which replaced the whole view
 * once the first answer came: «Создать» jumped from the toolbar to the middle of the page under
 * the pointer of whoever was about to click it, and the page said «Нет Номинация наставника.».
 */
export const List = <RecordType extends RaRecord = RaRecord>(props: ListProps<RecordType>) => {
  const exporter = useRecordsExporter();
  return <RaList<RecordType> exporter={exporter} empty={false} {...props} />;
};

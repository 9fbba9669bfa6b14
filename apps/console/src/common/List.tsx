import { List as RaList, type ListProps, type RaRecord } from 'react-admin';
import { useRecordsExporter } from './csvExport';

/**
 * react-admin's `<List>` with the console's formula-safe CSV export (`csvExport.ts`) instead of
 * react-admin's default exporter, which writes cells as they are. Every list of the console
 * imports `List` from here; a list with columns of its own passes `exporter` (participants).
 */
export const List = <RecordType extends RaRecord = RaRecord>(props: ListProps<RecordType>) => {
  const exporter = useRecordsExporter();
  return <RaList<RecordType> exporter={exporter} {...props} />;
};

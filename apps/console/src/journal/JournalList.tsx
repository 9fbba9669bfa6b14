import DownloadIcon from '@mui/icons-material/Download';
import { Button, DataTable, FilterButton, FunctionField, ReferenceField, SelectInput, TextInput, TopToolbar, useListContext, useDataProvider, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { RuDateInput } from '../common/RuDateInput';
import { useIsAdmin } from '../common/useIsAdmin';
import type { ConsoleDataProvider } from '../dataProvider';
import { useApi } from '../dashboard/useApi';
import { ROLE_LABELS } from './messages';

type Entry = RaRecord & { at: string; actorName: string | null; actor: string; role: string; entity: string; entityTitle: string; entityIds: string[]; fields: string[]; fieldTitles: string[] };

/** The filter's entities with their Russian names, as the API declares them (personal-data.ts of each lib). */
function useFilters() {
  const entities = useApi('journal-entities', (dp) =>
    dp.graphql<{ accessJournalEntities: { entity: string; title: string }[] }>('query JournalEntities { accessJournalEntities { entity title } }'),
  );
  const choices = (entities.data?.accessJournalEntities ?? []).map(({ entity, title }) => ({ id: entity, name: title }));
  return [
    <RuDateInput key="from" source="from" alwaysOn />,
    <RuDateInput key="to" source="to" alwaysOn />,
    <TextInput key="actor" source="actor" alwaysOn />,
    <SelectInput key="entity" source="entity" choices={choices} />,
    <SelectInput key="action" source="action" choices={choicesOf('JournalAction')} alwaysOn />,
    <TextInput key="operation" source="operation" />,
  ];
}

/** The query string of the XLSX export: the list's filter as it stands. */
export function exportQuery(filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'actor', 'operation', 'entity', 'action', 'tenantId']) {
    const value = Object.hasOwn(filter, key) ? filter[key] : undefined;
    if (typeof value === 'string' && value.trim() !== '') params.set(key, key === 'action' ? value.toLowerCase() : value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** «Выгрузить в XLSX»: the API writes the filtered journal through the formula-safe writer; fetched with the bearer token. */
const ExportXlsxButton = () => {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const onClick = async () => {
    try {
      const blob = await dataProvider.fetchFile(`/access-journal/export.xlsx${exportQuery(filterValues as Record<string, unknown>)}`);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'Журнал доступа.xlsx';
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(`${translate('resources.access-journal.exportFailed')}: ${(error as Error).message}`, { type: 'error' });
    }
  };
  return <Button label="resources.access-journal.export" onClick={() => void onClick()} startIcon={<DownloadIcon />} />;
};

/** The first few field names, then how many more: the full list is in the XLSX. */
function fieldsText(fields: readonly string[]): string {
  if (!fields.length) return '—';
  return fields.length > 4 ? `${fields.slice(0, 4).join(', ')} и ещё ${fields.length - 4}` : fields.join(', ');
}

export const JournalList = () => {
  const isAdmin = useIsAdmin();
  const filters = useFilters();
  return (
  // The journal's columns are many: the table scrolls inside the page instead of widening it past
  // the window (it covered the menu at 1,280 px, and the XLSX button went off-screen).
  <List
    filters={filters}
    perPage={50}
    sort={{ field: 'at', order: 'DESC' }}
    actions={<TopToolbar><FilterButton /><ExportXlsxButton /></TopToolbar>}
    sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } }}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="at">
        <FunctionField<Entry> source="at" render={(e) => new Date(e.at).toLocaleString('ru-RU')} />
      </DataTable.Col>
      {isAdmin && (
        <DataTable.Col source="tenantId" disableSort>
          <ReferenceField source="tenantId" reference="tenants" link={false} />
        </DataTable.Col>
      )}
      <DataTable.Col source="actorName">
        <FunctionField<Entry> source="actorName" render={(e) => e.actorName ?? e.actor} />
      </DataTable.Col>
      <DataTable.Col source="role" disableSort>
        <FunctionField<Entry> source="role" render={(e) => ROLE_LABELS.get(e.role) ?? e.role} />
      </DataTable.Col>
      <DataTable.Col source="action" disableSort>
        <EnumField source="action" enumName="JournalAction" />
      </DataTable.Col>
      <DataTable.Col source="entity">
        <FunctionField<Entry> source="entity" render={(e) => e.entityTitle} />
      </DataTable.Col>
      <DataTable.Col source="entityIds" disableSort>
        <FunctionField<Entry> source="entityIds" render={(e) => (e.entityIds.length > 3 ? `${e.entityIds.length} записей` : e.entityIds.map((id) => id.slice(0, 8)).join(', ') || '—')} />
      </DataTable.Col>
      <DataTable.Col source="fields" disableSort>
        <FunctionField<Entry> source="fields" render={(e) => fieldsText(e.fieldTitles)} />
      </DataTable.Col>
      <DataTable.Col source="operation">
        <FunctionField<Entry> source="operation" render={(e) => <code style={{ fontSize: '0.8em' }}>{e.operation}</code>} />
      </DataTable.Col>
      <DataTable.Col source="sourceAddress" disableSort />
    </DataTable>
  </List>
  );
};

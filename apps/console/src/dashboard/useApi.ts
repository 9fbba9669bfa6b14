import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import type { Tenant } from '../tenants/types';

export type Loadable<T> = { data?: T; error?: Error; isPending: boolean };

/** Runs an async read against the data provider once per `key`; 401s reach react-admin's checkError like any other call. */
export function useApi<T>(key: string, read: (dataProvider: ConsoleDataProvider) => Promise<T>): Loadable<T> {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [state, setState] = useState<Loadable<T>>({ isPending: true });
  useEffect(() => {
    let cancelled = false;
    setState({ isPending: true });
    read(dataProvider).then(
      (data) => !cancelled && setState({ data, isPending: false }),
      (error: Error) => !cancelled && setState({ error, isPending: false }),
    );
    return () => {
      cancelled = true;
    };
    // `read` is a fresh closure on every render; `key` says when the query really changes.
  }, [dataProvider, key]);
  return state;
}

const PAGE = 500; // the API's largest page

/** Every tenant of the caller's scope matching `filter`, page after page (a region can hold well over 500 schools). */
export async function fetchAllTenants(dataProvider: ConsoleDataProvider, filter: Record<string, unknown>): Promise<Tenant[]> {
  const all: Tenant[] = [];
  for (let page = 1; ; page += 1) {
    const { data, total } = await dataProvider.getList<Tenant>('tenants', { filter, pagination: { page, perPage: PAGE }, sort: { field: 'path', order: 'ASC' } });
    all.push(...data);
    if (data.length < PAGE || (total !== undefined && all.length >= total)) return all;
  }
}

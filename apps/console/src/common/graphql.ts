import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';

/** Runs one operation outside the CRUD convention, with a pending flag and the API's Russian error as a notification. */
export function useGraphqlAction<T>() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const run = async (query: string, variables?: Record<string, unknown>): Promise<T | undefined> => {
    setPending(true);
    try {
      return await dataProvider.graphql<T>(query, variables);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}

/** Current academic year «2025/2026»: September starts a new one. */
export function currentAcademicYear(now = new Date()): string {
  const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}/${start + 1}`;
}

/** Academic years from 2022/2023 up to the current one, newest first. */
export function academicYears(now = new Date()): string[] {
  const last = Number(currentAcademicYear(now).slice(0, 4));
  const years: string[] = [];
  for (let y = last; y >= 2022; y -= 1) years.push(`${y}/${y + 1}`);
  return years;
}

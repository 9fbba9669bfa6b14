import { ENUM_LABELS } from './enumLabels';
import { ownValue, requiredValue } from '@nastavnik/contracts/lookup';

export type EnumName = keyof typeof ENUM_LABELS;

/** react-admin choices for a GraphQL enum, labelled with the API's Russian descriptions. */
export function choicesOf(name: EnumName): { id: string; name: string }[] {
  return Object.entries(requiredValue(ENUM_LABELS, name) as Record<string, string>).map(([id, label]) => ({ id, name: label }));
}

/** The Russian label of one enum value (the code itself when the schema has no description). */
export function labelOf(name: EnumName, value: string | null | undefined): string {
  if (!value) return '—';
  return ownValue(requiredValue(ENUM_LABELS, name) as Record<string, string>, value) ?? value;
}

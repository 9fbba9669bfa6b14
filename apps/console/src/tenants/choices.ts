import type { OrganisationType, TenantKind } from './types';

export const KIND_CHOICES: { id: TenantKind; name: string }[] = [
  { id: 'REGION', name: 'nastavnik.tenantKind.REGION' },
  { id: 'MUNICIPALITY', name: 'nastavnik.tenantKind.MUNICIPALITY' },
  { id: 'ORGANISATION', name: 'nastavnik.tenantKind.ORGANISATION' },
];

export const ORG_TYPE_CHOICES: { id: OrganisationType; name: string }[] = (
  ['SCHOOL', 'GYMNASIUM', 'LYCEUM', 'BOARDING_SCHOOL', 'COLLEGE', 'ADDITIONAL_EDUCATION', 'OTHER'] as const
).map((id) => ({ id, name: `nastavnik.orgType.${id}` }));

/**
 * The level a new node hangs under. The API also accepts an organisation directly under a region;
 * the list filter takes one level, so the form offers municipalities (the usual case).
 */
export const PARENT_KIND: Record<TenantKind, TenantKind | null> = {
  REGION: null,
  MUNICIPALITY: 'REGION',
  ORGANISATION: 'MUNICIPALITY',
};

/** Same rule and message as the API (`CreateTenantInput.code`). */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{1,39}$/;
export const CODE_MESSAGE = 'Код: от 2 до 40 символов — строчные латинские буквы, цифры, «-» и «_», начинается с буквы или цифры.';

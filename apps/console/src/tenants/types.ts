export type TenantKind = 'REGION' | 'MUNICIPALITY' | 'ORGANISATION';
export type OrganisationType = 'SCHOOL' | 'GYMNASIUM' | 'LYCEUM' | 'BOARDING_SCHOOL' | 'COLLEGE' | 'ADDITIONAL_EDUCATION' | 'OTHER';

/** A node of the region → municipality → organisation tree, as the API's `Tenant` type returns it. */
export type Tenant = {
  id: string;
  kind: TenantKind;
  code: string;
  path: string;
  parentId: string | null;
  fullName: string;
  shortName: string;
  orgType: OrganisationType | null;
  address: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The GraphQL selection of a tenant outside react-admin's CRUD calls (`myTenant`). */
export const TENANT_FIELDS = 'id kind code path parentId fullName shortName orgType address createdAt updatedAt';

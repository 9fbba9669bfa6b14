import type { ComponentType, ReactElement } from 'react';
import { CustomRoutes, Resource, type ResourceProps } from 'react-admin';
import { Route } from 'react-router-dom';
import type { AccessPolicy, ResourceAction } from './auth/access';
import { AccessDenied } from './common/AccessDenied';
import type { AppRole } from '@nastavnik/contracts/roles';
import type { ResourceBinding } from './dataProvider';

/** Russian labels of a resource: `resources.<name>` in react-admin's translation messages. */
export type ResourceMessages = {
  /** Singular |||| plural, e.g. 'Участник |||| Участники'. */
  name: string;
  fields: Record<string, string>;
  [key: string]: unknown;
};

/**
 * One domain resource of the console: a folder (`participants/index.ts`) exports one of these and
 * App.tsx lists it. Everything else — routes, the menu, who sees which view, the GraphQL binding,
 * the Russian labels — is derived from it.
 */
export type ConsoleResource = {
  /** react-admin's resource name, the URL segment: `#/participants/…`. */
  name: string;
  /** GraphQL type of the API (`Participant` → allParticipants, Participant(id), createParticipant…). */
  graphqlType: string;
  /** Only when English plural rules get the type wrong. */
  plural?: string;
  icon: ComponentType;
  recordRepresentation?: ResourceProps['recordRepresentation'];
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  /** Per role, what it may do; a role not listed gets no view (references still resolve). */
  access: Partial<Record<AppRole, readonly ResourceAction[]>>;
  /** Pages beyond the CRUD views (an import page, a workflow), routed for the listed roles only. */
  routes?: { path: string; component: ComponentType; roles: readonly AppRole[] }[];
  messages: ResourceMessages;
};

export function accessPolicyOf(resources: readonly ConsoleResource[]): AccessPolicy {
  return Object.fromEntries(resources.map((resource) => [resource.name, resource.access]));
}

export function bindingsOf(resources: readonly ConsoleResource[]): ResourceBinding[] {
  return resources.map(({ name, graphqlType, plural }) => ({ resource: name, graphqlType, plural }));
}

export function resourceMessagesOf(resources: readonly ConsoleResource[]): Record<string, ResourceMessages> {
  return Object.fromEntries(resources.map((resource) => [resource.name, resource.messages]));
}

/**
 * The `<Resource>` elements for a role. A view the role may not open is routed to «Нет доступа»
 * (which asks the API nothing) rather than left unrouted (an empty page); buttons and menu items
 * to it are hidden by the auth provider's `canAccess`.
 */
export function resourcesFor(resources: readonly ConsoleResource[], role: AppRole | undefined): ReactElement[] {
  const routes = resources.flatMap((resource) => (resource.routes ?? []).filter((route) => role && route.roles.includes(role)));
  const custom = (
    <CustomRoutes key="custom-routes">
      {routes.map(({ path, component: Page }) => (
        <Route key={path} path={path} element={<Page />} />
      ))}
    </CustomRoutes>
  );
  return [custom, ...resources.map((resource) => {
    const view = (action: ResourceAction, component: ComponentType | undefined) =>
      component && (role && (resource.access[role] ?? []).includes(action) ? component : AccessDenied);
    return (
      <Resource
        key={resource.name}
        name={resource.name}
        icon={resource.icon}
        recordRepresentation={resource.recordRepresentation}
        list={view('list', resource.list)}
        show={view('show', resource.show)}
        edit={view('edit', resource.edit)}
        create={view('create', resource.create)}
      />
    );
  })];
}

/** A link to a resource's create form with some fields already filled in (react-admin's `?source=`). */
export function createLinkTo(resource: string, values: Record<string, unknown>): { pathname: string; search: string } {
  return { pathname: `/${resource}/create`, search: `?source=${encodeURIComponent(JSON.stringify(values))}` };
}

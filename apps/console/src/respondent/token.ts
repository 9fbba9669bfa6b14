/** The token of `/q/<token>` (the page is served at that path, outside the hash router). */
export function tokenFromPath(pathname: string): string | null {
  const match = /\/q\/([A-Za-z0-9_-]{10,200})\/?$/.exec(pathname);
  return match ? match[1] : null;
}

/** The path at which app/api/files/[...key]/route.ts serves a stored file. */
export function fileUrl(key: string): string {
  return `/api/files/${key.split("/").map(encodeURIComponent).join("/")}`;
}

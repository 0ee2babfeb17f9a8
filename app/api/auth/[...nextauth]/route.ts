import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getWebAuthOptions } from '@/lib/auth/get-web-auth-options';
import { errorResponse } from '@/lib/http/error-response';

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's routes (sign-in, callbacks, CSRF token, sign-out), with options built for this request. */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  try {
    return (await NextAuth(request, context, await getWebAuthOptions(request.headers))) as Response;
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, handler as POST };

// Sign in as one of the example's users (a form post), or sign out. Stand-in for the app's real auth.
import { findUser } from '../../../lib/catalogue';
import { clearedSessionCookie, sessionCookie } from '../../../lib/session';

function backHome(cookie: string): Response {
  return new Response(null, { status: 303, headers: { Location: '/', 'Set-Cookie': cookie } });
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  if (form?.get('action') === 'sign-out') return backHome(clearedSessionCookie());
  const user = findUser(form?.get('userId'));
  if (!user) {
    return Response.json(
      {
        error: {
          code: 'invalid_request',
          message: 'Choose one of the listed users.',
          param: 'userId',
        },
      },
      { status: 400 },
    );
  }
  return backHome(sessionCookie(user.userId));
}

import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endStaffSession } from '~/features/staff-auth/staff-session.server'
import { staffSessionCookie } from '~/platform/sessions/token-cookie.server'
import { getOpenedSession } from '~/features/staff-auth/require-staff.server'

export async function loader() {
	return redirect('/staff/login')
}

/** Ends the session on the server, not only in the browser. */
export async function action({ request }: ActionFunctionArgs) {
	const session = await getOpenedSession(request)
	if (session) {
		await endStaffSession(session)
	}
	return redirect('/staff/login?loggedOut=1', {
		headers: { 'Set-Cookie': staffSessionCookie.clear(request) },
	})
}

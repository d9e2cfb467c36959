// "Leave this page quickly" (issue 13, item 3): the reporter's follow-up
// session ends, so that whoever picks up the device next finds the code
// form, and the browser is sent on to a neutral page.
import { redirect } from '@remix-run/node'
import { getEnv } from '~/platform/env.server'
import { reporterSessionCookie } from '~/platform/sessions/token-cookie.server'
import { endReporterSession } from './reporter-session.server'

export async function leaveQuickly(request: Request): Promise<Response> {
	const token = reporterSessionCookie.read(request)
	if (token) await endReporterSession(token)
	// (No Cache-Control here: every page's answer is no-store already, server/app.ts.)
	return redirect(
		getEnv().QUICK_EXIT_URL,
		token ? { headers: { 'Set-Cookie': reporterSessionCookie.clear(request) } } : undefined,
	)
}

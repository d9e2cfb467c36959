// The gate of every staff page: `getStaffActor` returns the signed-in staff
// member or null; `requireStaffActor` throws a redirect to the login page (or
// a 403 when the role lacks the permission). Half-open sessions (password
// given, second factor not yet) are for the two-factor page only.
import { redirect } from '@remix-run/node'
import { can, type Permission } from '~/platform/permissions'
import { recordAudit } from '~/features/audit/audit.server'
import { prisma } from '~/platform/db.server'
import {
	readStaffSession,
	type OpenedSession,
	type StaffActor,
} from '~/features/staff-auth/staff-session.server'
import { staffSessionCookie } from '~/platform/sessions/token-cookie.server'

// The staff layout's loader and the page's loader run for the same request:
// the session row is read and its key decrypted once per request, not twice.
const sessionsByRequest = new WeakMap<Request, Promise<OpenedSession | null>>()

export function getOpenedSession(request: Request): Promise<OpenedSession | null> {
	let session = sessionsByRequest.get(request)
	if (!session) {
		const token = staffSessionCookie.read(request)
		session = token ? readStaffSession(token) : Promise.resolve(null)
		sessionsByRequest.set(request, session)
	}
	return session
}

export async function getStaffActor(request: Request): Promise<StaffActor | null> {
	const session = await getOpenedSession(request)
	return session?.twoFactorPassed ? session : null
}

function loginRedirect(request: Request): Response {
	const url = new URL(request.url)
	const back = url.pathname + url.search
	const headers = staffSessionCookie.read(request)
		? { 'Set-Cookie': staffSessionCookie.clear(request) }
		: undefined
	return redirect(`/staff/login?redirectTo=${encodeURIComponent(back)}`, { headers })
}

export async function requireStaffActor(
	request: Request,
	permission?: Permission,
): Promise<StaffActor> {
	const actor = await getStaffActor(request)
	if (!actor) throw loginRedirect(request)
	if (permission && !can(actor.role, permission)) {
		const { pathname } = new URL(request.url)
		// A refusal changes nothing: its entry stands alone.
		await recordAudit(prisma, {
			action: 'access.denied',
			actor,
			// A case's page names its case; the recording form (/staff/cases/new) none.
			caseReference:
				/^\/staff\/cases\/(?!new(?:\/|$))([A-Za-z0-9-]{1,20})/.exec(pathname)?.[1] ?? null,
			detail: { path: pathname.slice(0, 200), method: request.method },
		})
		throw new Response('Forbidden', { status: 403 })
	}
	return actor
}

/** The two-factor page's gate: a session past its password but not yet its second factor. */
export async function requireHalfSession(request: Request): Promise<OpenedSession> {
	const session = await getOpenedSession(request)
	if (!session || session.twoFactorPassed) throw loginRedirect(request)
	return session
}

const THIS_SITE = 'http://anlaufstelle.invalid'

/**
 * Where a person may be sent after signing in: a path under /staff on this
 * site, read as a browser reads it (`/\elsewhere` names another site, and
 * `/staff/..//elsewhere` is `//elsewhere`), without a control character (a
 * line break would start a header of its own). Anything else gets the
 * fallback, so that a crafted link can send nobody elsewhere.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null, fallback: string) {
	if (typeof value !== 'string' || !value.startsWith('/') || /\p{Cc}/u.test(value)) return fallback
	let url: URL
	try {
		url = new URL(value, THIS_SITE)
	} catch {
		return fallback
	}
	const underStaff = url.pathname === '/staff' || url.pathname.startsWith('/staff/')
	if (url.origin !== THIS_SITE || !underStaff) return fallback
	// As the parser wrote it back: percent-encoded, fit for a Location header.
	return url.pathname + url.search + url.hash
}

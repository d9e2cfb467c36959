// Every permission question of the back office is answered here, and only
// here (product.md, "Who uses it"). Feature functions ask `requirePermission`
// before they touch data; routes ask `requireStaffActor(request, permission)`.
// Case queries are additionally scoped by assignment, and the keys enforce the
// same rule a second time (no grant, no plaintext).
export const STAFF_ROLES = ['COUNSELLOR', 'LEAD', 'ADMIN', 'STATISTICS'] as const
export type StaffRoleName = (typeof STAFF_ROLES)[number]

export const PERMISSIONS = [
	/** Be assigned cases, and open and work the cases assigned to oneself. */
	'case:work-assigned',
	/**
	 * Open and work every case; triage, assign, delete personal data early.
	 * Whoever holds it also holds every case's key.
	 */
	'case:work-all',
	/**
	 * Record a case that came by phone, e-mail, in person, letter or referral:
	 * the recorder is sealed its key and assigned it.
	 */
	'case:record',
	'staff:manage',
	'settings:manage',
	'audit:read',
	'statistics:read',
	/** Keep the reply templates counsellors insert into messages. */
	'templates:manage',
	/** Record activities beyond cases (events, trainings, advice), list them, change one's own. */
	'activity:record',
	/** Change and delete every activity, whoever recorded it. */
	'activity:manage-all',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const ROLE_PERMISSIONS: Record<StaffRoleName, readonly Permission[]> = {
	COUNSELLOR: ['case:work-assigned', 'case:record', 'activity:record'],
	LEAD: [
		'case:work-assigned',
		'case:work-all',
		'case:record',
		'audit:read',
		'statistics:read',
		'templates:manage',
		'activity:record',
		'activity:manage-all',
	],
	ADMIN: ['staff:manage', 'settings:manage', 'audit:read'],
	STATISTICS: ['statistics:read'],
}

export function can(role: StaffRoleName, permission: Permission): boolean {
	return ROLE_PERMISSIONS[role].includes(permission)
}

/** The roles that hold a permission, for a query's `role: { in: … }`. */
export function rolesWith(permission: Permission): StaffRoleName[] {
	return STAFF_ROLES.filter((role) => can(role, permission))
}

/** Who works cases at all: the case pages, the inbox. */
export const WORK_CASES: Permission = 'case:work-assigned'
/** Who may be assigned a case. */
export const ASSIGNABLE: Permission = 'case:work-assigned'
/** Who records cases that did not come through the web form (/staff/cases/new). */
export const RECORDS_CASES: Permission = 'case:record'
/** Who triages: the inbox's queue of unassigned open cases, where such a role lands. */
export const TRIAGE: Permission = 'case:work-all'
/** Who holds the key of every case: each new request is sealed to them too. */
export const HOLDS_EVERY_CASE_KEY: Permission = 'case:work-all'

/**
 * Whether the actor may change or delete this activity: a lead any, a
 * counsellor the ones they recorded (someone else's count stays theirs to
 * answer for).
 */
export function mayChangeActivity(
	actor: { id: string; role: StaffRoleName },
	activity: { recordedById: string },
): boolean {
	if (can(actor.role, 'activity:manage-all')) return true
	return can(actor.role, 'activity:record') && activity.recordedById === actor.id
}

/** A feature function refused: the route answers 403 (or 404 where existence itself is private). */
export class ForbiddenError extends Error {
	constructor() {
		super('forbidden')
	}
}

/** Throws ForbiddenError unless the actor's role holds the permission. */
export function requirePermission(actor: { role: StaffRoleName }, permission: Permission): void {
	if (!can(actor.role, permission)) throw new ForbiddenError()
}

/** Where each role lands after signing in. */
export function homePathOf(role: StaffRoleName): string {
	if (can(role, WORK_CASES)) return '/staff/cases'
	if (can(role, 'staff:manage')) return '/staff/admin/users'
	return '/staff/statistics'
}

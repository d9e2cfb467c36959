// Who may do what in the back office (product.md, "Who uses it"). The model
// functions check these before they touch data, and every case query is
// additionally scoped by assignment; the keys enforce the same rule a
// second time (no grant, no plaintext).
export const STAFF_ROLES = ['COUNSELLOR', 'LEAD', 'ADMIN', 'STATISTICS'] as const
export type StaffRoleName = (typeof STAFF_ROLES)[number]

export const PERMISSIONS = [
	/** Open and work the cases assigned to oneself. */
	'case:work-assigned',
	/** Open and work every case; triage, assign, delete personal data early. */
	'case:work-all',
	'staff:manage',
	'settings:manage',
	'audit:read',
	'statistics:read',
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const ROLE_PERMISSIONS: Record<StaffRoleName, readonly Permission[]> = {
	COUNSELLOR: ['case:work-assigned'],
	LEAD: ['case:work-assigned', 'case:work-all', 'audit:read', 'statistics:read'],
	ADMIN: ['staff:manage', 'settings:manage', 'audit:read'],
	STATISTICS: ['statistics:read'],
}

export function can(role: StaffRoleName, permission: Permission): boolean {
	return ROLE_PERMISSIONS[role].includes(permission)
}

export const worksCases = (role: StaffRoleName) =>
	can(role, 'case:work-assigned') || can(role, 'case:work-all')

/** Where each role lands after signing in. */
export function homePathOf(role: StaffRoleName): string {
	if (worksCases(role)) return '/staff/cases'
	if (can(role, 'staff:manage')) return '/staff/admin/users'
	return '/staff/statistics'
}

/** A model function refused: the route answers 403 (or 404 where existence itself is private). */
export class ForbiddenError extends Error {
	constructor() {
		super('forbidden')
	}
}

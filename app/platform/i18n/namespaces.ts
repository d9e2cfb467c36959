import type { LanguageScope } from './languages'

/** The translation namespaces a page of each scope may use. */
export const NAMESPACES: Record<LanguageScope, readonly string[]> = {
	public: ['common', 'start', 'intake', 'taxonomy', 'followup'],
	staff: ['common', 'taxonomy', 'staff'],
}

export function scopeOfPath(pathname: string): LanguageScope {
	return pathname === '/staff' || pathname.startsWith('/staff/') ? 'staff' : 'public'
}

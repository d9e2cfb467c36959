import type { LanguageScope } from './languages'

/** The translation namespaces a page of each scope may use. */
export const NAMESPACES: Record<LanguageScope, readonly string[]> = {
	public: ['common', 'start', 'intake', 'code', 'taxonomy', 'followup'],
	staff: ['common', 'taxonomy', 'staff', 'setup'],
}

/** The back office and the office's setup link (`/setup/<token>`) are staff pages. */
export function scopeOfPath(pathname: string): LanguageScope {
	return /^\/(staff|setup)(\/|$)/.test(pathname) ? 'staff' : 'public'
}

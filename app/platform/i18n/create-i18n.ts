import i18next, { type i18n, type ResourceLanguage } from 'i18next'
import { initReactI18next } from 'react-i18next'

// An instance never changes language or resources after it is made, so one
// per resources object is enough; on the server that is one per language.
const instances = new WeakMap<ResourceLanguage, Map<string, i18n>>()

/**
 * The i18next instance for a language, built from the resources the root
 * loader sent; synchronous, so the server and the browser render the same text.
 */
export function createI18n(language: string, resources: ResourceLanguage): i18n {
	let byLanguage = instances.get(resources)
	if (!byLanguage) instances.set(resources, (byLanguage = new Map()))
	const cached = byLanguage.get(language)
	if (cached) return cached
	const instance = i18next.createInstance()
	void instance.use(initReactI18next).init({
		lng: language,
		resources: { [language]: resources },
		ns: Object.keys(resources),
		defaultNS: 'common',
		fallbackLng: false,
		initAsync: false,
		// React escapes what it renders.
		interpolation: { escapeValue: false },
		returnNull: false,
		showSupportNotice: false,
	})
	byLanguage.set(language, instance)
	return instance
}

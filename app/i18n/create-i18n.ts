import i18next, { type i18n, type ResourceLanguage } from 'i18next'
import { initReactI18next } from 'react-i18next'

/**
 * One i18next instance per render, built from the resources the root loader
 * sent; synchronous, so the server and the browser render the same text.
 */
export function createI18n(language: string, resources: ResourceLanguage): i18n {
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
	return instance
}

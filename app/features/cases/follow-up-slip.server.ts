// The slip a counsellor prints (or reads out) for a person who gets a
// follow-up code with a recorded case: the code, where to use it and to keep
// it to themselves, in the person's preferred language when the form has
// it, else in the page's. Its sentences are the web form's confirmation,
// which every public language has.
import { createI18n } from '~/platform/i18n/create-i18n'
import { findLanguage, PUBLIC_LANGUAGES } from '~/platform/i18n/languages'
import { resourcesFor } from '~/platform/i18n/resources.server'
import { getPublicOfficeDetails } from '../staff-admin/office-settings.server'

export type FollowUpSlip = {
	language: string
	dir: 'ltr' | 'rtl'
	code: string
	/** The follow-up page's address on this site. */
	address: string
	officeName: string | null
	officeContact: string | null
	title: string
	intro: string
	followUp: string
	secret: string
}

export async function followUpSlip(
	request: Request,
	code: string,
	preferredLanguage: string | null,
	pageLanguage: string,
): Promise<FollowUpSlip> {
	const language =
		findLanguage(preferredLanguage ?? '', 'public') ??
		findLanguage(pageLanguage, 'public') ??
		PUBLIC_LANGUAGES[0]
	const { t } = createI18n(language.code, resourcesFor(language.code, ['intake', 'followup']))
	const office = await getPublicOfficeDetails()
	return {
		language: language.code,
		dir: language.dir,
		code,
		address: `${new URL(request.url).origin}/follow-up`,
		officeName: office?.officeName ?? null,
		officeContact: [office?.contactPhone, office?.contactEmail].filter(Boolean).join(' · ') || null,
		title: t('intake:confirmation.codeTitle'),
		intro: t('intake:confirmation.codeIntro'),
		followUp: t('followup:heading'),
		secret: t('intake:confirmation.codeSecret'),
	}
}

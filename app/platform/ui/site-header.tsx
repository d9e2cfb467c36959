import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from './language-switcher'

type Props = {
	languages: ReadonlyArray<{ code: string; nativeName: string; dir: 'ltr' | 'rtl' }>
	current: string
}

export function SiteHeader({ languages, current }: Props) {
	const { t } = useTranslation()
	return (
		<header className="site-header">
			<a className="site-name" href="/">
				{t('officeFallbackName')}
			</a>
			{languages.length > 1 ? <LanguageSwitcher languages={languages} current={current} /> : null}
		</header>
	)
}

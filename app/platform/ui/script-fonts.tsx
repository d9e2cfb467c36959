// Fonts for the scripts a device may lack (Debian's Chromium, many older
// phones: Ethiopic for Tigrinya; the Arabic script for Arabic and Dari),
// served by the app itself from the @fontsource packages (no third-party
// host), and linked only on pages in those languages: a German page loads
// none of them.
import arabicBold from '@fontsource/noto-naskh-arabic/arabic-700.css?url'
import arabicRegular from '@fontsource/noto-naskh-arabic/arabic-400.css?url'
import ethiopicBold from '@fontsource/noto-sans-ethiopic/ethiopic-700.css?url'
import ethiopicRegular from '@fontsource/noto-sans-ethiopic/ethiopic-400.css?url'

const STYLESHEETS: Record<string, readonly string[]> = {
	ti: [ethiopicRegular, ethiopicBold],
	ar: [arabicRegular, arabicBold],
	prs: [arabicRegular, arabicBold],
}

export function ScriptFonts({ language }: { language: string }) {
	return (STYLESHEETS[language] ?? []).map((href) => (
		<link key={href} rel="stylesheet" href={href} />
	))
}

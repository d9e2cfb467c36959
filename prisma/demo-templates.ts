// The demo's reply templates: what a lead would keep for the first answers.
import type { PrismaClient } from '../app/generated/prisma/client'

const TEMPLATES = [
	{
		language: 'de',
		purpose: 'ACKNOWLEDGEMENT',
		title: 'Eingangsbestätigung',
		body: 'Guten Tag\n\nVielen Dank für Ihre Nachricht. Wir haben Ihre Anfrage erhalten und melden uns so bald wie möglich, in der Regel innerhalb von drei Arbeitstagen.\n\nFreundliche Grüsse',
	},
	{
		language: 'de',
		purpose: 'APPOINTMENT',
		title: 'Termin vorschlagen',
		body: 'Gerne besprechen wir Ihre Situation in einem persönlichen Gespräch, bei uns in der Beratungsstelle oder am Telefon. Passt Ihnen einer dieser Termine?\n\n- \n- \n\nWenn Sie eine Dolmetscherin oder einen Dolmetscher brauchen, sagen Sie es uns bitte.',
	},
	{
		language: 'de',
		purpose: 'REFERRAL',
		title: 'Weitervermittlung',
		body: 'Für Ihr Anliegen kann Ihnen eine andere Stelle besser helfen. Wenn Sie einverstanden sind, geben wir Ihnen die Kontaktangaben und helfen beim ersten Kontakt.',
	},
	{
		language: 'en',
		purpose: 'ACKNOWLEDGEMENT',
		title: 'Acknowledgement',
		body: 'Hello\n\nThank you for your message. We have received your request and will get back to you as soon as we can, usually within three working days.\n\nKind regards',
	},
	{
		language: 'fr',
		purpose: 'ACKNOWLEDGEMENT',
		title: 'Accusé de réception',
		body: 'Bonjour\n\nMerci pour votre message. Nous avons bien reçu votre demande et vous répondrons dès que possible, en général dans les trois jours ouvrables.\n\nMeilleures salutations',
	},
	{
		language: 'ar',
		purpose: 'ACKNOWLEDGEMENT',
		title: 'Eingangsbestätigung (Arabisch)',
		body: 'مرحباً\n\nشكراً لرسالتك. لقد استلمنا طلبك وسنرد عليك في أقرب وقت ممكن، عادةً خلال ثلاثة أيام عمل.\n\nمع أطيب التحيات',
	},
] as const

export async function seedDemoTemplates(prisma: PrismaClient): Promise<void> {
	await prisma.replyTemplate.createMany({ data: [...TEMPLATES] })
}

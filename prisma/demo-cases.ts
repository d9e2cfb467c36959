// About 200 demo cases over three years, varied across every taxonomy
// dimension: stored through the real intake (encrypted, wrapped to the
// recovery key, the leads and the reporter), about one in five as a request
// that came by phone, e-mail, in person, letter or referral (some without a
// follow-up code), then worked as an office would: assigned, classified,
// messaged, counselled, closed. A fixed seed makes the data the same on every
// machine.
import { randomUUID } from 'node:crypto'
import { encryptCaseField } from '../app/platform/crypto/case-fields.server.ts'
import { openSealed, publicKeyOf, sealTo } from '../app/platform/crypto/key-pairs.server.ts'
import {
	openPrivateKey,
	WRAPPED_KEY_SELECT,
} from '../app/features/staff-admin/staff-user.server.ts'
import { toBytes } from '../app/platform/db.server.ts'
import type { Intake } from '../app/features/intake/intake-schema.ts'
import {
	ACTORS,
	AGE_GROUPS,
	AREAS_OF_LIFE,
	DISCRIMINATION_FORMS,
	GENDERS,
	MOTIVES,
	NATIONALITY_GROUPS,
	OUTCOMES,
	REQUESTER_TYPES,
	RECORDED_CHANNELS,
	RESIDENCE_STATUSES,
	SERVICE_TYPES,
	WISHES,
} from '../app/platform/taxonomy.ts'
import type { PrismaClient } from '../app/generated/prisma/client'
import { createRequest, storeCase } from '../app/features/intake/store-request.server.ts'
import { generateFollowUpCode } from '../app/platform/crypto/follow-up-code.server.ts'
import { calendarDay } from '../app/platform/calendar-day.ts'

/** mulberry32: small, fast and the same everywhere. */
function randomSource(seed: number) {
	let state = seed
	const next = () => {
		state = (state + 0x6d2b79f5) | 0
		let t = Math.imul(state ^ (state >>> 15), 1 | state)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
	const some = <T>(list: readonly T[], most: number): T[] => {
		const count = 1 + Math.floor(next() * most)
		return [...new Set(Array.from({ length: count }, () => pick(list)))]
	}
	return { next, pick, some, chance: (p: number) => next() < p }
}

const PLACES = [
	'St. Gallen',
	'Wil',
	'Rapperswil-Jona',
	'Gossau',
	'Buchs',
	'Altstätten',
	'Uzwil',
	'Flawil',
	'Rorschach',
	'Online',
] as const

const STORIES: Record<string, string[]> = {
	work: [
		'Mein Vorgesetzter nennt mich vor dem Team nur «der Ausländer» und gibt mir immer die schlechtesten Schichten.',
		'Nach dem Vorstellungsgespräch hiess es, mit meinem Kopftuch passe ich nicht zum Kundenkontakt.',
	],
	education: [
		'Mein Sohn wird in der Schule wegen seiner Hautfarbe beschimpft, die Lehrerin sagt, das seien Kindereien.',
		'In der Berufsschule macht ein Lehrer Witze über «Leute aus dem Balkan», die ganze Klasse lacht.',
	],
	housing: [
		'Die Verwaltung sagte am Telefon, die Wohnung sei frei. Als ich meinen Namen nannte, war sie plötzlich vergeben.',
		'Der Vermieter will keine «Asylanten» im Haus und hat unsere Bewerbung ohne Begründung abgelehnt.',
	],
	neighbourhood: [
		'Ein Nachbar hat einen Zettel an unsere Tür geklebt: «Geht zurück, wo ihr herkommt».',
		'Die Nachbarin beschimpft meine Kinder im Treppenhaus und ruft wegen jeder Kleinigkeit die Polizei.',
	],
	public_space: [
		'Im Bus hat mich ein Mann wegen meiner Herkunft beschimpft, niemand hat etwas gesagt.',
		'Am Bahnhof wurde ich von einer Gruppe Jugendlicher angespuckt und rassistisch beleidigt.',
	],
	administration: [
		'Beim Amt wurde ich angeschrien, ich solle zuerst richtig Deutsch lernen, dann bekäme ich Auskunft.',
	],
	police: [
		'Ich werde am Bahnhof fast jede Woche kontrolliert, meine weissen Kollegen nie.',
		'Bei einer Kontrolle sagte der Polizist, Leute wie ich würden sowieso nur Ärger machen.',
	],
	justice: [
		'Im Verfahren wurde mir nicht geglaubt, der Richter sprach von «kulturellen Eigenheiten».',
	],
	health: [
		'In der Notaufnahme wurden meine Schmerzen nicht ernst genommen: «Ihr übertreibt immer».',
	],
	social_services: ['Auf dem Sozialamt hiess es, Menschen wie ich wollten nur vom Staat leben.'],
	leisure: [
		'Der Türsteher liess meine Freunde rein, mich nicht: «Heute nur Stammgäste» – ich war oft dort.',
		'Im Fussballverein rufen Zuschauer Affenlaute, wenn mein Sohn am Ball ist.',
	],
	private_services: ['Im Laden folgt mir der Sicherheitsmann jedes Mal durch alle Gänge.'],
	internet_media: [
		'Unter einem Zeitungsartikel über unseren Verein stehen Dutzende Hasskommentare gegen Muslime.',
		'Jemand verbreitet in einer Chatgruppe Fotos von mir mit rassistischen Sprüchen.',
	],
	asylum: [
		'Im Asylzentrum behandelt ein Betreuer die Menschen aus Eritrea schlechter als die anderen.',
	],
	military: ['In der Rekrutenschule wurde ich wegen meines Namens ständig «Terrorist» genannt.'],
	other: ['Es ist schwer zu beschreiben, aber ich werde immer wieder anders behandelt als andere.'],
}

const NAMES = [
	'Amina',
	'Luca',
	'Dragana',
	'Yonas',
	'Fatima',
	'Mehmet',
	'Olena',
	'Ahmad',
	'Ana',
	'Kofi',
]

function demoIntake(random: ReturnType<typeof randomSource>): Intake {
	const areas = random.some(AREAS_OF_LIFE, 2)
	const story = random.pick(STORIES[areas[0]!] ?? STORIES.other!)
	const withContact = random.chance(0.6)
	const name = random.pick(NAMES)
	const maybe = <T>(value: T, p = 0.7) => (random.chance(p) ? value : undefined)
	const interpreter = random.chance(0.2)
	return {
		requesterType: maybe(random.pick(REQUESTER_TYPES.slice(0, random.chance(0.85) ? 1 : 5)), 0.9),
		narrative: `${story} ${random.chance(0.5) ? 'Ich weiss nicht, was ich tun kann.' : 'Ich möchte, dass das aufhört.'}`,
		incidentMonth: maybe(1 + Math.floor(random.next() * 12)),
		incidentYear: undefined,
		place: maybe(random.pick(PLACES)),
		ongoing: maybe(random.pick(['yes', 'no'] as const)),
		areas,
		areasOther: undefined,
		forms: random.some(
			DISCRIMINATION_FORMS.filter((form) => form !== 'other'),
			2,
		),
		formsOther: undefined,
		motives: random.some(
			MOTIVES.filter((motive) => motive !== 'other_unclear'),
			1,
		),
		motivesOther: undefined,
		actors: random.some(ACTORS, 1),
		ageGroup: maybe(random.pick(AGE_GROUPS)),
		gender: maybe(random.pick(GENDERS)),
		nationalityGroup: maybe(random.pick(NATIONALITY_GROUPS)),
		residenceStatus: maybe(random.pick(RESIDENCE_STATUSES)),
		wishes: random.some(WISHES, 2),
		contactMode: withContact ? 'contact' : 'anonymous',
		contactName: withContact ? name : undefined,
		contactEmail: withContact ? `${name.toLowerCase()}@example.ch` : undefined,
		contactPhone: withContact && random.chance(0.5) ? '+41 79 000 00 00' : undefined,
		contactTimes: withContact ? maybe('Abends nach 18 Uhr', 0.4) : undefined,
		preferredLanguage: withContact
			? maybe(random.pick(['Deutsch', 'Englisch', 'Tigrinya', 'Albanisch']), 0.5)
			: undefined,
		interpreterNeeded: maybe(interpreter ? 'yes' : 'no') as Intake['interpreterNeeded'],
		interpreterLanguage: interpreter
			? random.pick(['Tigrinya', 'Arabisch', 'Dari', 'Türkisch'])
			: undefined,
		consent: 'yes',
	} as Intake
}

const DAY = 86_400_000

export async function seedDemoCases(
	prisma: PrismaClient,
	options: { count: number; lead: { id: string; password: string }; counsellorId: string },
): Promise<number> {
	const random = randomSource(2026)
	// A source of its own, so that every other draw stays as it was before channels.
	const channels = randomSource(12)
	const lead = await prisma.staffUser.findUniqueOrThrow({
		where: { id: options.lead.id },
		select: WRAPPED_KEY_SELECT,
	})
	const leadPrivateKey = await openPrivateKey(lead, options.lead.password)
	if (!leadPrivateKey) throw new Error("the demo lead's password does not open its key")
	const leadKeys = { privateKey: leadPrivateKey, publicKey: publicKeyOf(leadPrivateKey) }
	const counsellor = await prisma.staffUser.findUniqueOrThrow({
		where: { id: options.counsellorId },
		select: { publicKey: true },
	})
	const now = Date.now()

	for (let index = 0; index < options.count; index++) {
		const intake = demoIntake(random)
		const recordedChannel = channels.chance(0.2) ? channels.pick(RECORDED_CHANNELS) : null
		const created = recordedChannel
			? await storeCase({
					answers: intake,
					files: [],
					channel: recordedChannel,
					receivedOn: calendarDay(new Date()),
					followUpCode: channels.chance(0.7) ? generateFollowUpCode() : null,
				})
			: // Invented past requests: no notice to anyone.
				await createRequest(intake, [], { notifyStaff: false })
		const found = await prisma.case.findUniqueOrThrow({
			where: { reference: created.reference },
			select: {
				id: true,
				grants: { where: { staffUserId: options.lead.id }, select: { sealedKey: true } },
			},
		})
		const caseKey = openSealed(found.grants[0]!.sealedKey, leadKeys)!
		// Older cases are mostly closed; the last weeks bring new ones.
		const ageDays = Math.floor(Math.pow(random.next(), 0.8) * 3 * 365)
		const receivedOn = new Date(Math.floor((now - ageDays * DAY) / DAY) * DAY)
		const status =
			ageDays < 10
				? random.pick(['NEW', 'NEW', 'IN_PROGRESS'] as const)
				: ageDays < 60
					? random.pick(['IN_PROGRESS', 'IN_PROGRESS', 'CLOSED'] as const)
					: random.chance(0.08)
						? 'NOT_DISCRIMINATION'
						: 'CLOSED'
		const worked = status !== 'NEW'
		const assignee = worked ? (random.chance(0.75) ? options.counsellorId : options.lead.id) : null
		const closedAt =
			status === 'CLOSED' || status === 'NOT_DISCRIMINATION'
				? new Date(receivedOn.getTime() + (5 + Math.floor(random.next() * 50)) * DAY)
				: null
		const at = (days: number) =>
			new Date(Math.min(receivedOn.getTime() + days * DAY + 9 * 3_600_000, now))

		await prisma.$transaction(async (tx) => {
			await tx.case.update({
				where: { id: found.id },
				data: {
					reference: `${receivedOn.getUTCFullYear()}-${created.reference.slice(5)}`,
					receivedOn,
					status,
					closedAt:
						closedAt && closedAt.getTime() < now ? closedAt : closedAt ? new Date(now) : null,
					outcome: status === 'CLOSED' ? random.pick(OUTCOMES) : null,
					// An open case waits since it arrived until a message answers it (decision 0019).
					waitingSince: closedAt ? null : receivedOn,
					// Every fourth case being worked on has a follow-up date, some of them due.
					// (From the index, not the random source: the demo's other draws stay as they were.)
					dueOn:
						worked && !closedAt && index % 4 === 0
							? new Date(Math.floor(now / DAY + (index % 11) - 5) * DAY)
							: null,
					assignedToId: assignee,
					requesterType: worked ? (intake.requesterType ?? 'affected') : null,
					areas: worked ? intake.areas.filter((area) => area !== 'prefer_not_to_say') : [],
					forms: worked ? intake.forms : [],
					motives: worked ? intake.motives : [],
					actors: worked ? intake.actors : [],
				},
				select: { id: true },
			})
			if (assignee === options.counsellorId) {
				await tx.caseKeyGrant.create({
					data: {
						caseId: found.id,
						holder: 'STAFF',
						staffUserId: assignee,
						sealedKey: toBytes(sealTo(counsellor.publicKey, caseKey)),
					},
					select: { id: true },
				})
			}
			if (worked) {
				await tx.caseStatusChange.create({
					data: {
						caseId: found.id,
						fromStatus: 'NEW',
						toStatus: 'IN_PROGRESS',
						staffUserId: options.lead.id,
						at: at(1),
					},
					select: { id: true },
				})
				for (const [day, type] of random.some(SERVICE_TYPES, 3).entries()) {
					await tx.counsellingService.create({
						data: {
							caseId: found.id,
							type,
							providedOn: at(2 + day * 3),
							minutes: 15 * (1 + Math.floor(random.next() * 8)),
							staffUserId: assignee,
						},
						select: { id: true },
					})
				}
			}
			if (closedAt) {
				await tx.caseStatusChange.create({
					data: {
						caseId: found.id,
						fromStatus: 'IN_PROGRESS',
						toStatus: status,
						staffUserId: assignee,
						at: closedAt,
					},
					select: { id: true },
				})
			}
			if (worked && random.chance(0.4)) {
				const thread = [
					[
						'STAFF',
						'Guten Tag, danke für Ihre Meldung. Möchten Sie, dass wir Sie für ein Gespräch kontaktieren?',
					],
					['REPORTER', 'Ja, gerne. Am besten unter der Woche am Nachmittag.'],
				] as const
				for (const [position, [author, text]] of thread.entries()) {
					const id = randomUUID()
					const sentOn = new Date(Math.floor(at(1 + position).getTime() / DAY) * DAY)
					await tx.message.create({
						data: {
							id,
							caseId: found.id,
							author,
							staffUserId: author === 'STAFF' ? assignee : null,
							body: toBytes(encryptCaseField(caseKey, found.id, `message:${id}`, text)),
							sentOn,
							position: 1 + position,
						},
						select: { id: true },
					})
					// Staff wrote first; the reporter's reply is what an open case waits on.
					if (!closedAt) {
						await tx.case.update({
							where: { id: found.id },
							data: { waitingSince: author === 'REPORTER' ? sentOn : null },
							select: { id: true },
						})
					}
				}
			}
		})
		caseKey.fill(0)
	}
	leadPrivateKey.fill(0)
	return options.count
}

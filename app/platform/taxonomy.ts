// The classification lists of product.md ("What a request records"), the one
// source of truth for the intake form, casework and statistics. The values
// are stable identifiers stored in the database; their labels live in the
// `taxonomy` translation namespace (`<list>.<value>`). Never rename a value:
// add a new one and migrate the data. The database refuses values outside
// these lists (CHECK constraints, migration "integrity"): a new value needs
// a migration too, and tests/integration/database-integrity.test.ts fails
// until it exists.

/** Every choice list offers this answer (product.md). */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say'

export const REQUESTER_TYPES = [
	'affected',
	'witness',
	'relative',
	'professional',
	'institution',
] as const

export const AREAS_OF_LIFE = [
	'work',
	'education',
	'housing',
	'neighbourhood',
	'public_space',
	'administration',
	'police',
	'justice',
	'health',
	'social_services',
	'leisure',
	'private_services',
	'internet_media',
	'asylum',
	'military',
	'other',
] as const

export const DISCRIMINATION_FORMS = [
	'unequal_treatment',
	'insult',
	'derogatory_statements',
	'defamation',
	'gestures',
	'threat',
	'harassment',
	'violence',
	'property_damage',
	'ethnic_profiling',
	'hate_speech',
	'other',
] as const

export const MOTIVES = [
	'xenophobia',
	'anti_black',
	'anti_muslim',
	'anti_arab',
	'anti_asian',
	'antisemitism',
	'antiziganism',
	'far_right',
	'other_unclear',
] as const

export const ACTORS = [
	'private_person',
	'neighbour',
	'employer',
	'colleague',
	'school_staff',
	'landlord',
	'public_employee',
	'police',
	'security_staff',
	'business',
	'media_online',
	'unknown',
] as const

export const AGE_GROUPS = ['under_18', '18_25', '26_40', '41_64', '65_plus'] as const
export const GENDERS = ['woman', 'man', 'non_binary_other'] as const
export const NATIONALITY_GROUPS = ['swiss', 'dual', 'eu_efta', 'other'] as const
export const RESIDENCE_STATUSES = [
	'swiss',
	'permit_c',
	'permit_b',
	'permit_f',
	'permit_n',
	'permit_s',
	'other',
] as const
export const WISHES = [
	'information',
	'counselling',
	'intervention',
	'legal_support',
	'document_only',
] as const
export const ONGOING = ['yes', 'no'] as const

/** The lists with a free-text "other" answer, and the value that opens it. */
export const OTHER_VALUES = {
	areas: 'other',
	forms: 'other',
	motives: 'other_unclear',
} as const

export type RequesterType = (typeof REQUESTER_TYPES)[number]
export type AreaOfLife = (typeof AREAS_OF_LIFE)[number]
export type DiscriminationForm = (typeof DISCRIMINATION_FORMS)[number]
export type Motive = (typeof MOTIVES)[number]
export type Actor = (typeof ACTORS)[number]

/** Counselling services a case records (product.md, "What a case records"). */
export const SERVICE_TYPES = [
	'information',
	'psychosocial',
	'legal_information',
	'intervention',
	'mediation',
	'referral',
	'accompaniment',
	'interpreting',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

export const CASE_STATUSES = ['NEW', 'IN_PROGRESS', 'CLOSED', 'NOT_DISCRIMINATION'] as const
export type CaseStatusName = (typeof CASE_STATUSES)[number]

/**
 * How a request reached the office, in the statistics' order: the web form
 * (anonymous or with contact details), or what staff record. The values of
 * the enum "CaseChannel" (database-integrity.test.ts compares them).
 */
export const CASE_CHANNELS = [
	'WEB_ANONYMOUS',
	'WEB_WITH_CONTACT',
	'PHONE',
	'EMAIL',
	'IN_PERSON',
	'LETTER',
	'REFERRAL',
] as const
export type CaseChannelName = (typeof CASE_CHANNELS)[number]

/**
 * What the person wants from the office: only to report, or an answer. The
 * values of the enum "ResponseWish"; the statistics count them.
 */
export const RESPONSE_WISHES = ['REPORT_ONLY', 'ANSWER'] as const
export type ResponseWishName = (typeof RESPONSE_WISHES)[number]

/** The channels a counsellor or lead records a case from (/staff/cases/new): all but the web form. */
export const RECORDED_CHANNELS = [
	'PHONE',
	'EMAIL',
	'IN_PERSON',
	'LETTER',
	'REFERRAL',
] as const satisfies readonly CaseChannelName[]
export type RecordedChannel = (typeof RECORDED_CHANNELS)[number]

/** How a closed case ended, for the annual report. */
export const OUTCOMES = [
	'resolved',
	'partly_resolved',
	'not_resolved',
	'referred',
	'information_given',
	'contact_lost',
	'withdrawn',
] as const
export type Outcome = (typeof OUTCOMES)[number]

/**
 * What the office does beyond cases (product.md, "Activities beyond cases";
 * KIP 3: institutions "sind informiert und beraten", the public is informed).
 */
export const ACTIVITY_KINDS = ['information_event', 'training', 'institution_advice'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** Whom an activity reached: the public or a kind of institution, never a named one. */
export const ACTIVITY_AUDIENCES = [
	'public',
	'education',
	'employers',
	'administration',
	'police_justice',
	'housing',
	'health',
	'social_services',
	'associations',
	'other',
] as const
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number]
